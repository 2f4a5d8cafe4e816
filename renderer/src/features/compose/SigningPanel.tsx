import { useEffect, useState } from 'react';
import { useApi } from '../../api';
import {
  hmacDefaults,
  signingSchemes,
  type SigningConfig,
} from '../../../../electron/shared/send/signing-config';
import { VisibleText } from '../../components/VisibleText';

const schemeLabels: Record<SigningConfig['scheme'], string> = {
  none: 'None',
  'standard-webhooks': 'Standard Webhooks (webhook-signature)',
  github: 'GitHub (X-Hub-Signature-256)',
  stripe: 'Stripe style (t=…,v1=…)',
  shopify: 'Shopify (X-Shopify-Hmac-Sha256)',
  hmac: 'Generic HMAC',
};

export interface SignPreview {
  headers: [string, string][];
  signedString: string;
  error: string | null;
}

/**
 * Preview of the signature headers for this body; the engine signs each attempt with a fresh timestamp. The request's
 * header names say which vendor copies of the signature (a replayed capture's `svix-*`) are signed too.
 */
export function useSignPreview(
  config: SigningConfig,
  bodyBase64: string,
  requestHeaders: readonly (readonly [string, string])[],
): SignPreview | null {
  const api = useApi();
  const [preview, setPreview] = useState<SignPreview | null>(null);
  const names = requestHeaders.map(([name]) => name);
  const key = JSON.stringify([config, names]) + bodyBase64;
  useEffect(() => {
    if (config.scheme === 'none') {
      setPreview(null);
      return;
    }
    // Checked here without zod: parsing with zod in the page probes `new Function`, which the CSP reports.
    if (config.secret === '') {
      setPreview({
        headers: [],
        signedString: '',
        error: `secret: a secret is required for ${config.scheme} signing`,
      });
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api
        .call('signing.preview', {
          config,
          bodyBase64,
          headers: names.map((name): [string, string] => [name, '']),
        })
        .then(
          (result) =>
            live && setPreview({ headers: result.headers, signedString: result.signedString, error: null }),
          (error: unknown) =>
            live && setPreview({ headers: [], signedString: '', error: (error as Error).message }),
        );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `key` stands for config, header names and body, so a new object with the same content does not refetch.
  }, [api, key]);
  return preview;
}

export function SigningPanel({
  config,
  onChange,
  preview,
}: {
  config: SigningConfig;
  onChange: (config: SigningConfig) => void;
  preview: SignPreview | null;
}) {
  const set = (patch: Partial<SigningConfig>) => onChange({ ...config, ...patch });
  return (
    <div className="compose-signing" data-testid="signing-panel">
      <div className="compose-row">
        <label>
          Scheme{' '}
          <select
            value={config.scheme}
            data-testid="signing-scheme"
            onChange={(e) => set({ scheme: e.target.value as SigningConfig['scheme'] })}
          >
            {signingSchemes.map((s) => (
              <option key={s} value={s}>
                {schemeLabels[s]}
              </option>
            ))}
          </select>
        </label>
        {config.scheme !== 'none' && (
          <label className="grow">
            Secret{' '}
            <input
              type="password"
              value={config.secret}
              data-testid="signing-secret"
              placeholder={config.scheme === 'standard-webhooks' ? 'whsec_…' : 'shared secret'}
              onChange={(e) => set({ secret: e.target.value })}
            />
          </label>
        )}
      </div>
      {config.scheme === 'hmac' && (
        <div className="compose-row">
          <label>
            Header{' '}
            <input
              value={config.header ?? ''}
              placeholder={hmacDefaults.header}
              data-testid="signing-header"
              onChange={(e) => set({ header: e.target.value || undefined })}
            />
          </label>
          <label>
            Algorithm{' '}
            <select
              value={config.algorithm ?? hmacDefaults.algorithm}
              onChange={(e) => set({ algorithm: e.target.value as SigningConfig['algorithm'] })}
            >
              <option value="sha256">SHA-256</option>
              <option value="sha1">SHA-1</option>
              <option value="sha512">SHA-512</option>
            </select>
          </label>
          <label>
            Encoding{' '}
            <select
              value={config.encoding ?? hmacDefaults.encoding}
              onChange={(e) => set({ encoding: e.target.value as SigningConfig['encoding'] })}
            >
              <option value="hex">hex</option>
              <option value="base64">base64</option>
            </select>
          </label>
          <label>
            Signs{' '}
            <select
              value={config.signedContent ?? hmacDefaults.signedContent}
              onChange={(e) => set({ signedContent: e.target.value as SigningConfig['signedContent'] })}
            >
              <option value="body">body</option>
              <option value="timestamp.body">timestamp.body</option>
              <option value="id.timestamp.body">id.timestamp.body</option>
            </select>
          </label>
        </div>
      )}
      {preview && (
        <div className="compose-sign-preview">
          {preview.error ? (
            <p className="compose-error" data-testid="signing-error">
              <VisibleText text={preview.error} />
            </p>
          ) : (
            <>
              <h3>Signed string</h3>
              <pre className="compose-pre" data-testid="signed-string">
                <VisibleText text={preview.signedString} />
              </pre>
              <p className="muted">
                Timestamps and ids are set again for each attempt when the request is sent.
              </p>
            </>
          )}
        </div>
      )}
    </div>
  );
}
