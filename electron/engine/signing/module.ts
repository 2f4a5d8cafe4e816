import { ApiError } from '../../shared/contract/index';
import type { signingMethods } from '../../shared/contract/signing';
import { detectContentType, userContentType } from '../../shared/send/content-type';
import { CurlParseError, parseCurl, toCurl } from '../../shared/send/curl';
import type { EngineContext, EngineModule } from '../context';
import { SigningError } from './keys';
import { newMessageId, signRequest } from './sign';
import { verifySignature } from './verify';

/** Signing previews and cURL/content-type helpers; verifies captures on endpoints that have a scheme. */
export function createSigningModule(ctx: EngineContext): EngineModule<typeof signingMethods> {
  ctx.receiverHooks.annotators.push((capture, endpoint) => {
    const verify = endpoint.verify;
    // An imported capture belongs to no endpoint here: nothing to verify it against (and its timestamp is old).
    if (capture.source === 'imported' || !verify || verify.scheme === 'none') return {};
    if (capture.truncated) {
      return {
        verification: {
          scheme: verify.scheme,
          ok: false,
          reason: 'body truncated at the size limit: cannot verify',
        },
      };
    }
    const result = verifySignature(
      verify,
      capture.headers,
      capture.body,
      Math.floor(capture.receivedAtMs / 1000),
    );
    return { verification: { scheme: verify.scheme, ...result } };
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
          url: input.url,
          headers: input.headers,
          body: Buffer.from(input.bodyBase64, 'base64'),
        }),
      }),
    },
  };
}
