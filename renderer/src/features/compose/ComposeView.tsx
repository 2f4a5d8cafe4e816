import { useEffect, useState } from 'react';
import { withHarContentType } from '../../../../electron/shared/send/har-content-type';
import { stripHopByHop } from '../../../../electron/shared/send/hop-by-hop';
import { withTransferCodingsAsContentEncoding } from '../../../../electron/shared/send/transfer-codings';
import type { CaptureDetail } from '../../../../electron/shared/contract/captures';
import { useApi } from '../../api';
import { useHashParams } from '../../state/hash-state';
import { captureUrl } from '../../lib/capture-url';
import { incompleteBodyCause, incompleteBodyText } from '../../lib/incomplete-body';
import { Composer } from './Composer';
import type { InitialRequest } from './state';
import { VisibleText } from '../../components/VisibleText';

/**
 * The Compose view. `#view=compose&capture=<captureId>` (not `from`: that is the Time filter's) opens that capture in the composer: method, the URL it was sent
 * to (its public tunnel URL, else this app's receiver — the user edits it to the real target; sending to the own
 * receiver asks first), headers and the exact body.
 */
export function ComposeView() {
  const api = useApi();
  const [params, update] = useHashParams();
  const from = Number(params.get('capture')) || null;
  const [initial, setInitial] = useState<InitialRequest | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (from === null) return;
    let live = true;
    Promise.all([api.call('captures.get', { id: from }), api.call('app.info', {})]).then(
      ([capture, info]) => {
        if (!live) return;
        setInitial({
          method: capture.method,
          url: captureUrl(capture, info.receiverUrl),
          // The body is stored as sent, still in any transfer coding besides chunked: labelled as a replay labels it.
          headers: withTransferCodingsAsContentEncoding(
            withHarContentType(stripHopByHop(capture.headers), capture),
            capture.headers,
          ),
          bodyBase64: capture.bodyBase64,
        });
        setError(capture.truncated ? truncatedNote(from, capture) : null);
        update((p) => p.delete('capture'));
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
          <VisibleText text={error} />
        </p>
      )}
      <Composer {...(initial ? { initial } : {})} />
    </>
  );
}

function truncatedNote(id: number, capture: CaptureDetail): string {
  const cause = incompleteBodyCause(capture);
  return `Capture #${id} ${incompleteBodyText(cause)}: the body here is ${cause === 'never-sent' ? 'empty' : 'incomplete'}.`;
}
