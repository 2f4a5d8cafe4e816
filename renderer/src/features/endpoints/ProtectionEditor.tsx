import {
  authHeaderNameProblem,
  authHeaderValueProblem,
  basicUsernameProblem,
  verifySecretProblem,
  type EndpointAuth,
  type EndpointVerify,
} from '../../../../electron/shared/contract/endpoints';
import { StoredSecretWarning } from './StoredSecretWarning';
import './protection.css';

type AuthKind = EndpointAuth['kind'];
type Scheme = EndpointVerify['scheme'];
type Algorithm = NonNullable<EndpointVerify['algorithm']>;
type Encoding = NonNullable<EndpointVerify['encoding']>;
type OnFailure = NonNullable<EndpointVerify['onFailure']>;

/** Form state for an endpoint's protection: every field kept as typed, converted on save. */
export interface ProtectionDraft {
  authKind: AuthKind;
  username: string;
  password: string;
  authName: string;
  authValue: string;
  scheme: Scheme;
  secret: string;
  tolerance: string;
  header: string;
  algorithm: Algorithm;
  encoding: Encoding;
  onFailure: OnFailure;
  rateLimit: string;
}

export interface Protection {
  auth: EndpointAuth;
  verify: EndpointVerify | null;
  rateLimitPerMinute: number;
}

/** GitHub and Shopify sign the body alone: no timestamp to hold to a tolerance, so the form hides that field. */
export const signsTimestamp = (scheme: Scheme) => scheme !== 'github' && scheme !== 'shopify';

const defaultToleranceSeconds = 300;

export function protectionToDraft(p: Partial<Protection>): ProtectionDraft {
  const auth = p.auth ?? { kind: 'none' };
  const verify = p.verify ?? null;
  return {
    authKind: auth.kind,
    username: auth.kind === 'basic' ? auth.username : '',
    password: auth.kind === 'basic' ? auth.password : '',
    authName: auth.kind === 'header' || auth.kind === 'query' ? auth.name : '',
    authValue: auth.kind === 'header' || auth.kind === 'query' ? auth.value : '',
    scheme: verify?.scheme ?? 'none',
    secret: verify?.secret ?? '',
    tolerance: String(verify?.toleranceSeconds ?? defaultToleranceSeconds),
    header: verify?.header ?? '',
    algorithm: verify?.algorithm ?? 'sha256',
    encoding: verify?.encoding ?? 'hex',
    onFailure: verify?.onFailure ?? 'answer',
    rateLimit: String(p.rateLimitPerMinute ?? 0),
  };
}

function wholeNumber(text: string): number | null {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : null;
}

/** The API input, or an error naming the field as the form labels it (the API would say `auth.password`). */
export function draftToProtection(
  d: ProtectionDraft,
): { protection: Protection; error: null } | { protection: null; error: string } {
  const rate = wholeNumber(d.rateLimit);
  if (rate === null || rate > 1_000_000)
    return {
      protection: null,
      error: 'Rate limit: a whole number of requests per minute from 0 to 1000000 (0 = unlimited)',
    };
  let verify: EndpointVerify | null = null;
  if (d.scheme !== 'none') {
    const typedTolerance = wholeNumber(d.tolerance);
    const validTolerance = typedTolerance !== null && typedTolerance <= 86_400 ? typedTolerance : null;
    // Hidden for a scheme without a timestamp: kept as stored for switching back, never blocking the save.
    const tolerance = signsTimestamp(d.scheme) ? validTolerance : (validTolerance ?? defaultToleranceSeconds);
    if (tolerance === null)
      return { protection: null, error: 'Signature tolerance: a whole number of seconds from 0 to 86400' };
    const secretProblem = verifySecretProblem(d.scheme, d.secret);
    if (secretProblem) return { protection: null, error: `Signature secret: ${secretProblem}` };
    const headerProblem = d.scheme === 'hmac' && d.header.trim() && authHeaderNameProblem(d.header.trim());
    if (headerProblem) return { protection: null, error: `Signature header: ${headerProblem}` };
    verify = {
      scheme: d.scheme,
      secret: d.secret,
      toleranceSeconds: tolerance,
      ...(d.scheme === 'hmac'
        ? {
            ...(d.header.trim() ? { header: d.header.trim() } : {}),
            algorithm: d.algorithm,
            encoding: d.encoding,
          }
        : {}),
      // Absent means "answer as usual", as endpoints saved before the option have it.
      ...(d.onFailure === 'refuse-401' ? { onFailure: d.onFailure } : {}),
    };
  }
  if (d.authKind === 'basic') {
    const usernameProblem = basicUsernameProblem(d.username);
    if (usernameProblem) return { protection: null, error: `Username: ${usernameProblem}` };
    if (!d.password) return { protection: null, error: 'Password: required' };
  }
  if (d.authKind === 'header') {
    // Checked here too: the value sits in a password field, where a pasted trailing space cannot be seen.
    const nameProblem = authHeaderNameProblem(d.authName.trim());
    if (nameProblem) return { protection: null, error: `Header name: ${nameProblem}` };
    const valueProblem = authHeaderValueProblem(d.authValue);
    if (valueProblem) return { protection: null, error: `Header value: ${valueProblem}` };
  }
  if (d.authKind === 'query') {
    if (!d.authName.trim()) return { protection: null, error: 'Parameter name: required' };
    if (!d.authValue) return { protection: null, error: 'Parameter value: required' };
  }
  const auth: EndpointAuth =
    d.authKind === 'basic'
      ? { kind: 'basic', username: d.username, password: d.password }
      : d.authKind === 'none'
        ? { kind: 'none' }
        : { kind: d.authKind, name: d.authName.trim(), value: d.authValue };
  return { protection: { auth, verify, rateLimitPerMinute: rate }, error: null };
}

const schemes: Array<[Scheme, string]> = [
  ['none', 'Off'],
  ['standard-webhooks', 'Standard Webhooks'],
  ['github', 'GitHub (X-Hub-Signature-256)'],
  ['stripe', 'Stripe (Stripe-Signature)'],
  ['shopify', 'Shopify (X-Shopify-Hmac-Sha256)'],
  ['hmac', 'Generic HMAC'],
];

/** Auth, signature verification and rate limit fields of the endpoint form. Secrets sit in password inputs. */
export function ProtectionEditor({
  draft: d,
  stored,
  onChange,
}: {
  draft: ProtectionDraft;
  /** The verification the endpoint has stored, if it exists. */
  stored?: EndpointVerify | null;
  onChange: (d: ProtectionDraft) => void;
}) {
  const set = (patch: Partial<ProtectionDraft>) => onChange({ ...d, ...patch });
  return (
    <fieldset className="endpoint-protection" data-testid="endpoint-protection">
      <legend>Protection</legend>
      <div className="form-row">
        <label>
          Auth{' '}
          <select
            data-testid="endpoint-auth-kind"
            value={d.authKind}
            onChange={(e) => set({ authKind: e.target.value as AuthKind })}
          >
            <option value="none">None</option>
            <option value="basic">Basic (username / password)</option>
            <option value="header">Header</option>
            <option value="query">Query parameter</option>
          </select>
        </label>
        {d.authKind === 'basic' && (
          <>
            <label>
              Username{' '}
              <input
                data-testid="endpoint-auth-username"
                autoComplete="off"
                value={d.username}
                onChange={(e) => set({ username: e.target.value })}
              />
            </label>
            <label>
              Password{' '}
              <input
                data-testid="endpoint-auth-password"
                type="password"
                autoComplete="new-password"
                value={d.password}
                onChange={(e) => set({ password: e.target.value })}
              />
            </label>
          </>
        )}
        {(d.authKind === 'header' || d.authKind === 'query') && (
          <>
            <label>
              {d.authKind === 'header' ? 'Header name' : 'Parameter name'}{' '}
              <input
                data-testid="endpoint-auth-name"
                autoComplete="off"
                value={d.authName}
                placeholder={d.authKind === 'header' ? 'X-Api-Key' : 'access_key'}
                onChange={(e) => set({ authName: e.target.value })}
              />
            </label>
            <label>
              Value{' '}
              <input
                data-testid="endpoint-auth-value"
                type="password"
                autoComplete="new-password"
                value={d.authValue}
                onChange={(e) => set({ authValue: e.target.value })}
              />
            </label>
          </>
        )}
      </div>
      <div className="form-row">
        <label>
          Verify signatures{' '}
          <select
            data-testid="endpoint-verify-scheme"
            value={d.scheme}
            onChange={(e) => set({ scheme: e.target.value as Scheme })}
          >
            {schemes.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {d.scheme !== 'none' && (
          <>
            <label>
              Secret{' '}
              <input
                data-testid="endpoint-verify-secret"
                type="password"
                autoComplete="new-password"
                value={d.secret}
                onChange={(e) => set({ secret: e.target.value })}
              />
            </label>
            <StoredSecretWarning verify={stored} />
            {signsTimestamp(d.scheme) && (
              <label>
                Tolerance (s){' '}
                <input
                  data-testid="endpoint-verify-tolerance"
                  inputMode="numeric"
                  size={6}
                  value={d.tolerance}
                  onChange={(e) => set({ tolerance: e.target.value })}
                />{' '}
                <span className="muted" data-testid="endpoint-verify-tolerance-help">
                  how old or early a signed timestamp may be; 0 = no timestamp check
                </span>
              </label>
            )}
            <label>
              When the signature fails{' '}
              <select
                data-testid="endpoint-verify-on-failure"
                value={d.onFailure}
                onChange={(e) => set({ onFailure: e.target.value as OnFailure })}
              >
                <option value="answer">Answer as usual</option>
                <option value="refuse-401">Refuse with 401</option>
              </select>
            </label>
          </>
        )}
      </div>
      {d.scheme === 'hmac' && (
        <div className="form-row">
          <label>
            Signature header{' '}
            <input
              data-testid="endpoint-verify-header"
              value={d.header}
              placeholder="X-Signature"
              onChange={(e) => set({ header: e.target.value })}
            />
          </label>
          <label>
            Algorithm{' '}
            <select
              data-testid="endpoint-verify-algorithm"
              value={d.algorithm}
              onChange={(e) => set({ algorithm: e.target.value as Algorithm })}
            >
              <option value="sha256">SHA-256</option>
              <option value="sha1">SHA-1</option>
              <option value="sha512">SHA-512</option>
            </select>
          </label>
          <label>
            Encoding{' '}
            <select
              data-testid="endpoint-verify-encoding"
              value={d.encoding}
              onChange={(e) => set({ encoding: e.target.value as Encoding })}
            >
              <option value="hex">hex</option>
              <option value="base64">base64</option>
            </select>
          </label>
        </div>
      )}
      <div className="form-row">
        <label>
          Rate limit{' '}
          <input
            data-testid="endpoint-rate-limit"
            inputMode="numeric"
            size={8}
            value={d.rateLimit}
            onChange={(e) => set({ rateLimit: e.target.value })}
          />{' '}
          <span className="muted">requests per minute per IP (0 = unlimited; over it answers 429)</span>
        </label>
      </div>
    </fieldset>
  );
}
