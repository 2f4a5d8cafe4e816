import { onTablistKeyDown } from './tablist-keys';

export interface TabItem<T extends string> {
  id: T;
  label: string;
  badge?: string | number | null;
  disabled?: boolean;
}

export function Tabs<T extends string>({
  tabs,
  active,
  onChange,
  className = '',
  label,
}: {
  tabs: TabItem<T>[];
  active: T;
  onChange: (id: T) => void;
  className?: string;
  label: string;
}) {
  return (
    <div className={`tabs ${className}`} role="tablist" aria-label={label} onKeyDown={onTablistKeyDown}>
      {tabs.map((tab) => {
        const hasBadge = tab.badge !== undefined && tab.badge !== null;
        return (
          <button
            key={tab.id}
            type="button"
            role="tab"
            aria-selected={tab.id === active}
            tabIndex={tab.id === active ? 0 : -1}
            className={`tab ${tab.id === active ? 'active' : ''}`}
            disabled={tab.disabled}
            data-tab={tab.id}
            // Label and badge would otherwise be read run together ("Response200", "Merge fieldsoff").
            aria-label={hasBadge ? `${tab.label}, ${tab.badge}` : undefined}
            onClick={() => onChange(tab.id)}
          >
            {tab.label}
            {hasBadge && <span className="tab-badge">{tab.badge}</span>}
          </button>
        );
      })}
    </div>
  );
}
