import type { CaptureAnnotations, EngineContext, IncomingCapture } from '../context';
import type { CaptureAnnotator } from '../store/capture-filer';

/**
 * Runs the receiver's annotators (vendor and event label, signature verification, tunnel source) on a capture as it is
 * filed, after the request was acknowledged. An endpoint deleted in between is read as one without verification.
 */
export function receiverAnnotator(
  ctx: Pick<EngineContext, 'receiverHooks' | 'endpoints' | 'log'>,
): CaptureAnnotator {
  return (capture) => {
    const endpoint = (capture.endpointId !== null && ctx.endpoints.byId(capture.endpointId)) || {
      ...ctx.endpoints.match('/'),
      verify: null,
    };
    const incoming = capture as unknown as IncomingCapture;
    const annotations: CaptureAnnotations = {};
    for (const annotate of ctx.receiverHooks.annotators) {
      try {
        Object.assign(annotations, annotate(incoming, endpoint));
      } catch (error) {
        ctx.log.error('receiver: annotator failed', { error: String(error) });
      }
    }
    return {
      ...capture,
      source: annotations.source ?? capture.source,
      publicUrl: annotations.publicUrl ?? capture.publicUrl,
      vendor: annotations.vendor ?? capture.vendor,
      eventLabel: annotations.eventLabel ?? capture.eventLabel,
      verification: annotations.verification ?? capture.verification,
    };
  };
}
