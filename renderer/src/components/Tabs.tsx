import { onTablistKeyDown } from './tablist-keys';
import { tabElementId, tabPanelElementId } from './tab-ids';

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
  id,
}: {
  tabs: TabItem<T>[];
  active: T;
  onChange: (id: T) => void;
  className?: string;
  label: string;
  /** Given when a `TabPanel` with the same id shows the active tab: the tab and its panel are tied for screen readers. */
  id?: string;
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
            id={id === undefined ? undefined : tabElementId(id, tab.id)}
            // One panel shows the active tab's content; the other tabs control nothing on the page.
            aria-controls={id !== undefined && tab.id === active ? tabPanelElementId(id) : undefined}
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
