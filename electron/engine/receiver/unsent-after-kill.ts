import { maxRuleDelayMs } from '../../shared/contract/endpoints';
import type { EngineContext } from '../context';
import { unsentResponseReason } from './unsent-response';

/**
 * At start: the responses the previous run recorded and was still holding back for their rule's delay when it was
 * killed were never sent. Records them so, as a graceful stop does, and gives their rule steps back. One killed while
 * it was being written may have reached its client: it stays recorded as sent, its step counted, and says so.
 */
export function recordResponsesCutOffByKill(
  ctx: Pick<EngineContext, 'captures' | 'endpoints' | 'responseRules' | 'log'>,
): void {
  try {
    recordAll(ctx);
  } catch (error) {
    // A start never fails for this: the responses keep the record they had.
    ctx.log.error('receiver: could not record the responses a kill cut off', { error: String(error) });
  }
}

function recordAll(ctx: Pick<EngineContext, 'captures' | 'endpoints' | 'responseRules' | 'log'>): void {
  const cutOff = ctx.captures.delayedResponsesNeverWritten(maxRuleDelayMs);
  for (const { id, endpointId, response, beingWritten } of cutOff) {
    if (beingWritten) {
      ctx.captures.noteResponseMayBeUnsent(
        id,
        'Hookscope was killed while writing this response, so the client may not have received it',
      );
      continue;
    }
    const endpoint = endpointId === null ? null : ctx.endpoints.byId(endpointId);
    const givenBack =
      endpoint !== null &&
      ctx.responseRules.giveBack(endpoint, {
        step: response.ruleStep,
        ruleVersion: response.ruleVersion,
      });
    ctx.captures.markResponseNotSent(id, unsentResponseReason('Hookscope was killed', response, givenBack));
  }
  if (cutOff.length > 0) {
    ctx.responseRules.persist();
    ctx.log.warn('receiver: recorded responses a kill cut off as never sent', { captures: cutOff.length });
  }
}
