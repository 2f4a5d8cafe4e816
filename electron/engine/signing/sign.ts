import { randomBytes } from 'node:crypto';
import { hmacDefaults, type SigningConfig } from '../../shared/send/signing-config';
import { displayParts, hmac, hmacKey } from './keys';

export interface SignInput {
  body: Uint8Array;
  /** Message id (Standard Webhooks `webhook-id`; generic HMAC `id.timestamp.body`). Generated when absent. */
  id?: string;
  /** Unix seconds of this attempt. Defaults to now. */
  timestampSec?: number;
  /**
   * The headers the request already carries (a replayed capture's). A scheme's legacy or vendor-named copies found
   * there (`svix-*`, GitHub's SHA-1 `X-Hub-Signature`) are signed afresh too: receivers read those names first.
   */
  carried?: readonly (readonly [string, string])[];
}

export interface SignResult {
  headers: [string, string][];
  /** Exactly what was fed to the HMAC (the body decoded as UTF-8 for display). */
  signedString: string;
}

const carries = (req: SignInput, ...names: string[]) =>
  req.carried?.some(([carried]) => names.some((name) => name.toLowerCase() === carried.toLowerCase())) ??
  false;

export const newMessageId = () => `msg_${randomBytes(18).toString('base64url')}`;

/** Sign one outgoing request. Throws `SigningError` for an unusable secret. */
export function signRequest(config: SigningConfig, req: SignInput): SignResult {
  const timestamp = String(Math.floor(req.timestampSec ?? Date.now() / 1000));
  const body = req.body;
  switch (config.scheme) {
    case 'none':
      return { headers: [], signedString: '' };
    case 'standard-webhooks': {
      const id = req.id ?? newMessageId();
      const parts = [`${id}.${timestamp}.`, body];
      const signature = hmac('sha256', hmacKey(config.scheme, config.secret), parts).toString('base64');
      const headers: [string, string][] = [
        ['webhook-id', id],
        ['webhook-timestamp', timestamp],
        ['webhook-signature', `v1,${signature}`],
      ];
      // Svix (Clerk, Resend…) sends these names, and its library reads them before the webhook-* ones.
      if (carries(req, 'svix-id', 'svix-timestamp', 'svix-signature'))
        headers.push(['svix-id', id], ['svix-timestamp', timestamp], ['svix-signature', `v1,${signature}`]);
      return { headers, signedString: displayParts(parts) };
    }
    case 'github': {
      const key = hmacKey(config.scheme, config.secret);
      const headers: [string, string][] = [
        ['X-Hub-Signature-256', `sha256=${hmac('sha256', key, [body]).toString('hex')}`],
      ];
      // GitHub sends its legacy SHA-1 signature beside the SHA-256 one; a receiver may still check it.
      if (carries(req, 'X-Hub-Signature'))
        headers.push(['X-Hub-Signature', `sha1=${hmac('sha1', key, [body]).toString('hex')}`]);
      return { headers, signedString: displayParts([body]) };
    }
    case 'stripe': {
      const parts = [`${timestamp}.`, body];
      const signature = hmac('sha256', hmacKey(config.scheme, config.secret), parts).toString('hex');
      return {
        headers: [['Stripe-Signature', `t=${timestamp},v1=${signature}`]],
        signedString: displayParts(parts),
      };
    }
    case 'shopify': {
      const signature = hmac('sha256', hmacKey(config.scheme, config.secret), [body]).toString('base64');
      return { headers: [['X-Shopify-Hmac-Sha256', signature]], signedString: displayParts([body]) };
    }
    case 'hmac': {
      const content = config.signedContent ?? hmacDefaults.signedContent;
      const id = req.id ?? newMessageId();
      const prefix =
        content === 'body' ? '' : content === 'timestamp.body' ? `${timestamp}.` : `${id}.${timestamp}.`;
      const parts = [prefix, body];
      const digest = hmac(
        config.algorithm ?? hmacDefaults.algorithm,
        hmacKey(config.scheme, config.secret),
        parts,
      );
      const headers: [string, string][] = [
        [config.header ?? hmacDefaults.header, digest.toString(config.encoding ?? hmacDefaults.encoding)],
      ];
      if (content === 'id.timestamp.body') headers.push([hmacDefaults.idHeader, id]);
      if (content !== 'body') headers.push([hmacDefaults.timestampHeader, timestamp]);
      return { headers, signedString: displayParts(parts) };
    }
    default: {
      const never: never = config.scheme;
      throw new Error(`scheme: unknown "${String(never)}"`);
    }
  }
}
