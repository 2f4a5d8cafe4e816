import type { Endpoint } from '../../electron/shared/contract/endpoints';

/** An endpoint as the API lists it: `/h/<slug>` (the catch-all for slug "default"), a plain 200 rule, no auth. */
export const endpointFixture = (id: number, name: string, slug: string): Endpoint => ({
  id,
  slug,
  name,
  isDefault: slug === 'default',
  pathPrefix: slug === 'default' ? '/' : `/h/${slug}`,
  rule: { status: 200, headers: [], body: '', delayMs: 0, behaviour: { kind: 'fixed' } },
  auth: { kind: 'none' },
  verify: null,
  rateLimitPerMinute: 0,
  createdAtMs: 0,
  captureCount: 0,
});
