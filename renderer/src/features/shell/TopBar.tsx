import type { ReactNode } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { Popover } from '../../components/Popover';
import { SettingsPanel } from '../settings/SettingsPanel';
import type { ThemeChoice } from '../../state/theme';
import { TunnelControlSlot } from '../../app/slots';

export type ViewId = 'inspect' | 'endpoints' | 'compose' | 'deliveries' | 'dictionary';

const VIEWS: Array<{ id: ViewId; label: string }> = [
  { id: 'inspect', label: 'Inspect' },
  { id: 'endpoints', label: 'Endpoints' },
  { id: 'compose', label: 'Compose' },
  { id: 'deliveries', label: 'Deliveries' },
  { id: 'dictionary', label: 'Dictionary' },
];

interface Props {
  view: ViewId;
  onView: (view: ViewId) => void;
  receiverUrl: string | null;
  publicUrl: string | null;
  search: ReactNode;
  paused: boolean;
  pendingCount: number;
  onTogglePaused: () => void;
  theme: { choice: ThemeChoice; resolved: 'light' | 'dark'; cycle: () => void };
}

export function TopBar({
  view,
  onView,
  receiverUrl,
  publicUrl,
  search,
  paused,
  pendingCount,
  onTogglePaused,
  theme,
}: Props) {
  return (
    <header className="top-bar">
      <h1 className="brand" title="Hookscope">
        <span className="brand-mark" aria-hidden>
          ◎
        </span>
        <span className="brand-name">Hookscope</span>
      </h1>
      <nav className="views" aria-label="Views">
        {VIEWS.map((v) => (
          <button
            key={v.id}
            type="button"
            className={`view-tab ${view === v.id ? 'active' : ''}`}
            aria-current={view === v.id ? 'page' : undefined}
            data-view={v.id}
            onClick={() => onView(v.id)}
          >
            {v.label}
          </button>
        ))}
      </nav>
      <div className="urls">
        {receiverUrl && (
          <div className="url-chip" data-testid="receiver-url">
            <span className="url-label">Local</span>
            <span className="url-value mono">{receiverUrl}</span>
            <CopyButton
              text={receiverUrl}
              label="Copy"
              name="Copy receiver URL"
              title="Copy receiver URL"
              className="btn-ghost"
            />
          </div>
        )}
        {publicUrl && (
          <div className="url-chip url-public" data-testid="public-url">
            <span className="url-label">Public</span>
            <span className="url-value mono">{publicUrl}</span>
            <CopyButton
              text={publicUrl}
              label="Copy"
              name="Copy public URL"
              title="Copy public URL"
              className="btn-ghost"
            />
          </div>
        )}
        <TunnelControlSlot />
      </div>
      <div className="top-search">{search}</div>
      <button
        type="button"
        className={`btn live-toggle ${paused ? 'paused' : 'live'}`}
        data-testid="live-toggle"
        aria-pressed={!paused}
        title={paused ? 'Resume live updates' : 'Pause live updates'}
        onClick={onTogglePaused}
      >
        <span className="live-dot" aria-hidden />
        {paused ? `Paused${pendingCount ? ` · ${pendingCount} new` : ''}` : 'Live'}
      </button>
      <Popover label="⚙ Settings" className="settings-popover" testId="settings-toggle">
        {(close) => <SettingsPanel onDone={close} />}
      </Popover>
      <button
        type="button"
        className="btn btn-ghost theme-toggle"
        data-testid="theme-toggle"
        title={`Theme: ${theme.choice} (${theme.resolved})`}
        aria-label={`Theme: ${theme.choice} (${theme.resolved})`}
        onClick={theme.cycle}
      >
        {theme.resolved === 'dark' ? '☾' : '☀'}
      </button>
    </header>
  );
}
