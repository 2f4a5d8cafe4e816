import { ApiError } from '../../shared/contract/index';
import type { EndpointVerify } from '../../shared/contract/endpoints';
import type { signingMethods } from '../../shared/contract/signing';
import { detectContentType, userContentType } from '../../shared/send/content-type';
import { CurlParseError, parseCurl, toCurl } from '../../shared/send/curl';
import { urlAsSent } from '../../shared/send/request-target';
import type { EngineContext, EngineModule } from '../context';
import { SigningError } from './keys';
import { newMessageId, signRequest } from './sign';
import { verifySignature } from './verify';
import { verifyCapture } from './verify-capture';

/** Signing previews and cURL/content-type helpers; verifies captures on endpoints that have a scheme. */
export function createSigningModule(ctx: EngineContext): EngineModule<typeof signingMethods> {
  ctx.receiverHooks.annotators.push((capture, endpoint) => {
    const verify = endpoint.verify;
    // An imported capture belongs to no endpoint here: nothing to verify it against (and its timestamp is old).
    if (capture.source === 'imported' || !verify || verify.scheme === 'none') return {};
    return { verification: verifyCapture(verify, capture) };
  });

  return {
    handlers: {
      'signing.preview': (input) => {
        const usesId =
          input.config.scheme === 'standard-webhooks' || input.config.signedContent === 'id.timestamp.body';
        const usesTime =
          ['standard-webhooks', 'stripe'].includes(input.config.scheme) ||
          (input.config.scheme === 'hmac' && (input.config.signedContent ?? 'body') !== 'body');
        const id = usesId ? (input.id ?? newMessageId()) : null;
        const timestampSec = usesTime ? (input.timestampSec ?? Math.floor(ctx.clock.now() / 1000)) : null;
        try {
          const result = signRequest(input.config, {
            body: Buffer.from(input.bodyBase64, 'base64'),
            ...(id !== null ? { id } : {}),
            ...(timestampSec !== null ? { timestampSec } : {}),
            ...(input.headers ? { carried: input.headers } : {}),
          });
          return { ...result, id, timestampSec };
        } catch (error) {
          if (error instanceof SigningError)
            throw new ApiError('invalid_input', error.message, { field: 'config.secret' });
          throw error;
        }
      },
      'signing.verify': (input) =>
        verifySignature(
          input.config,
          input.headers,
          Buffer.from(input.bodyBase64, 'base64'),
          input.nowSec ?? Math.floor(ctx.clock.now() / 1000),
        ),
      'signing.recheck': ({ id }) => {
        const capture = ctx.captures.get(id);
        const endpoint = capture.endpointId === null ? null : ctx.endpoints.byId(capture.endpointId);
        const verify = endpoint?.verify;
        if (capture.source === 'imported' || !endpoint || !verify || verify.scheme === 'none')
          throw new ApiError(
            'invalid_input',
            capture.source === 'imported'
              ? 'An imported capture belongs to no endpoint here: nothing to verify it against.'
              : !endpoint
                ? "This capture's endpoint has been deleted: nothing to verify it against."
                : "This capture's endpoint verifies no signatures.",
            { id },
          );
        const verification = {
          ...verifyCapture(verify, {
            headers: capture.headers,
            body: Buffer.from(capture.bodyBase64, 'base64'),
            bodySizeBytes: capture.bodySizeBytes,
            truncated: capture.truncated,
            ...(capture.bodyNotSent ? { bodyNotSent: capture.bodyNotSent } : {}),
            receivedAtMs: capture.receivedAtMs,
          }),
          checkedAtMs: ctx.clock.now(),
          checkedWith: settingsText(endpoint.name, verify),
        };
        ctx.captures.setVerification(id, verification);
        return verification;
      },
      'send.detectContentType': (input) => {
        const user = userContentType(input.headers);
        const detected = detectContentType(input.body);
        return { detected, effective: user ?? detected, userSet: user !== null };
      },
      'send.parseCurl': (input) => {
        try {
          return parseCurl(input.command);
        } catch (error) {
          if (error instanceof CurlParseError)
            throw new ApiError('invalid_input', error.message, { field: 'command' });
          throw error;
        }
      },
      'send.toCurl': (input) => ({
        command: toCurl({
          method: input.method,
          // As the composer's client sends it: curl refuses a space and sends non-ASCII unencoded.
          url: urlAsSent(input.url),
          headers: input.headers,
          body: Buffer.from(input.bodyBase64, 'base64'),
        }),
      }),
    },
  };
}

/** What a recheck used, for the verdict's display: everything but the secret. */
function settingsText(endpointName: string, verify: EndpointVerify): string {
  // GitHub and Shopify sign no timestamp, so no tolerance applies to them; an endpoint stored before tolerances
  // existed has none, and is checked with the default.
  const seconds = verify.toleranceSeconds ?? 300;
  const tolerance = !timestamped(verify.scheme)
    ? []
    : [seconds === 0 ? 'no timestamp check' : `tolerance ±${seconds}s`];
  const hmac =
    verify.scheme === 'hmac'
      ? [verify.header, verify.algorithm, verify.encoding].filter((part) => part !== undefined)
      : [];
  return [`endpoint "${endpointName}"`, verify.scheme, ...hmac, ...tolerance].join(', ');
}

const timestamped = (scheme: EndpointVerify['scheme']) =>
  scheme === 'standard-webhooks' || scheme === 'stripe' || scheme === 'hmac';
