import { useEffect, useState } from 'react';
import { useApi } from '../../api';
import { useHashParams } from '../../state/hash-state';
import { Composer } from './Composer';
import type { InitialRequest } from './state';

/**
 * The Compose view. `#view=compose&from=<captureId>` opens that capture in the composer (method, headers and the
 * exact body); the target URL is left for the user, since the capture's own URL is this app's receiver.
 */
export function ComposeView() {
  const api = useApi();
  const [params, update] = useHashParams();
  const from = Number(params.get('from')) || null;
  const [initial, setInitial] = useState<InitialRequest | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (from === null) return;
    let live = true;
    api.call('captures.get', { id: from }).then(
      (capture) => {
        if (!live) return;
        setInitial({
          method: capture.method,
          url: '',
          headers: capture.headers,
          bodyBase64: capture.bodyBase64,
        });
        setError(
          capture.truncated
            ? `Capture #${from} was truncated at the size limit: the body here is incomplete.`
            : null,
        );
        update((p) => p.delete('from'));
      },
      (e: unknown) => live && setError(`Capture #${from}: ${(e as Error).message}`),
    );
    return () => {
      live = false;
    };
  }, [api, from, update]);

  return (
    <>
      {error && (
        <p className="compose-error pad" data-testid="compose-from-error">
          {error}
        </p>
      )}
      <Composer {...(initial ? { initial } : {})} />
    </>
  );
}
