import { randomBytes } from 'node:crypto';
import { hmacDefaults, type SigningConfig } from '../../shared/send/signing-config';
import { displayParts, hmac, hmacKey } from './keys';

export interface SignInput {
  body: Uint8Array;
  /** Message id (Standard Webhooks `webhook-id`; generic HMAC `id.timestamp.body`). Generated when absent. */
  id?: string;
  /** Unix seconds of this attempt. Defaults to now. */
  timestampSec?: number;
}

export interface SignResult {
  headers: [string, string][];
  /** Exactly what was fed to the HMAC (the body decoded as UTF-8 for display). */
  signedString: string;
}

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
      return {
        headers: [
          ['webhook-id', id],
          ['webhook-timestamp', timestamp],
          ['webhook-signature', `v1,${signature}`],
        ],
        signedString: displayParts(parts),
      };
    }
    case 'github': {
      const signature = hmac('sha256', hmacKey(config.scheme, config.secret), [body]).toString('hex');
      return {
        headers: [['X-Hub-Signature-256', `sha256=${signature}`]],
        signedString: displayParts([body]),
      };
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
