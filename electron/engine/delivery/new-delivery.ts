import type { z } from 'zod';
import type { HeaderPair } from '../../shared/contract/captures';
import { credentialsFromUrl } from '../../shared/send/url-credentials';
import type { DeliveryType, deliveryOptions } from '../../shared/contract/delivery';
import { newUid } from './queue';
import type { NewDelivery } from './delivery-store';

export type DeliveryOptions = z.output<typeof deliveryOptions>;

export const DEFAULT_TIMEOUT_MS = 30_000;

/** A request plus the shared options, as the queue stores it. Ontraport's requests-per-minute becomes the origin rate. */
export function newDelivery(
  request: { method: string; url: string; headers: HeaderPair[]; body: Buffer },
  options: DeliveryOptions,
  type: DeliveryType,
  nowMs: number,
  extra: { bulkJobId?: number; bulkRow?: number; state?: 'pending' | 'held' } = {},
): NewDelivery {
  const ontraportRate = options.policy === 'ontraport' ? (options.ontraport?.requestsPerMinute ?? 60) : null;
  return {
    uid: newUid(),
    createdAtMs: nowMs,
    name: options.name ?? '',
    type,
    policy: options.policy,
    policyOptions: {
      customWaitsMs: options.policy === 'custom' ? (options.customWaitsMs ?? []) : null,
      ontraportRetries: options.policy === 'ontraport' ? (options.ontraport?.retries ?? 3) : null,
    },
    method: request.method,
    ...credentialsFromUrl(request.url, request.headers),
    body: request.body,
    signing: options.signing && options.signing.scheme !== 'none' ? options.signing : null,
    timeScale: options.timeScale ?? 1,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ratePerMinute: options.ratePerMinute ?? ontraportRate,
    concurrency: options.concurrency ?? null,
    webhookId: options.webhookId ?? null,
    bulkJobId: extra.bulkJobId ?? null,
    bulkRow: extra.bulkRow ?? null,
    state: extra.state ?? 'pending',
  };
}
