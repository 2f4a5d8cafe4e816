import { authPresets, type AuthConfig } from '../../../../electron/shared/send/outgoing';
import { PairsEditor } from './PairsEditor';

const kinds: Array<{ id: AuthConfig['kind']; label: string }> = [
  { id: 'none', label: 'None' },
  { id: 'basic', label: 'Basic' },
  { id: 'bearer', label: 'Bearer token' },
  { id: 'apikey', label: 'API key' },
];

const initial: Record<AuthConfig['kind'], AuthConfig> = {
  none: { kind: 'none' },
  basic: { kind: 'basic', username: '', password: '' },
  bearer: { kind: 'bearer', token: '' },
  apikey: { kind: 'apikey', in: 'header', pairs: [['X-Api-Key', '']] },
};

/** Auth as headers or query parameters; values may use {{variables}} so secrets can live in an environment. */
export function AuthEditor({ auth, onChange }: { auth: AuthConfig; onChange: (auth: AuthConfig) => void }) {
  return (
    <div className="compose-auth" data-testid="auth-editor">
      <div className="compose-row">
        <label>
          Type{' '}
          <select
            value={auth.kind}
            data-testid="auth-kind"
            onChange={(e) => onChange(initial[e.target.value as AuthConfig['kind']])}
          >
            {kinds.map((k) => (
              <option key={k.id} value={k.id}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        {Object.entries(authPresets).map(([name, preset]) => (
          <button
            key={name}
            type="button"
            className="btn btn-small"
            data-testid={`auth-preset-${name.toLowerCase()}`}
            onClick={() => onChange(structuredClone(preset))}
          >
            {name} preset
          </button>
        ))}
      </div>
      {auth.kind === 'basic' && (
        <div className="compose-row">
          <label>
            Username{' '}
            <input
              value={auth.username}
              data-testid="auth-username"
              onChange={(e) => onChange({ ...auth, username: e.target.value })}
            />
          </label>
          <label>
            Password{' '}
            <input
              type="password"
              value={auth.password}
              data-testid="auth-password"
              onChange={(e) => onChange({ ...auth, password: e.target.value })}
            />
          </label>
        </div>
      )}
      {auth.kind === 'bearer' && (
        <div className="compose-row">
          <label className="grow">
            Token{' '}
            <input
              type="password"
              value={auth.token}
              data-testid="auth-token"
              placeholder="or {{token}}"
              onChange={(e) => onChange({ ...auth, token: e.target.value })}
            />
          </label>
        </div>
      )}
      {auth.kind === 'apikey' && (
        <>
          <div className="compose-row">
            <label>
              Send in{' '}
              <select
                value={auth.in}
                data-testid="auth-in"
                onChange={(e) => onChange({ ...auth, in: e.target.value as 'header' | 'query' })}
              >
                <option value="header">Headers</option>
                <option value="query">Query string</option>
              </select>
            </label>
            <span className="muted">
              Ontraport reads Api-Appid and Api-Key headers; Ortto's API reads X-Api-Key.
            </span>
          </div>
          <PairsEditor
            rows={auth.pairs.map(([name, value]) => ({ name, value }))}
            onChange={(rows) =>
              onChange({ ...auth, pairs: rows.map((r) => [r.name, r.value] as [string, string]) })
            }
            make={(name, value) => ({ name, value })}
            nameLabel="Key name"
            valueLabel="Key value"
            testId="auth-pairs"
            secretValues
          />
        </>
      )}
    </div>
  );
}
