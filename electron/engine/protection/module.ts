import type { EngineContext, EngineModule } from '../context';
import { authInterceptor } from './auth';
import { createRateLimitInterceptor, RateLimiter } from './rate-limit';
import { signatureInterceptor } from './signature';

/**
 * Receiver protection for a public URL: per-IP rate limit first (so guessing credentials is throttled too), then
 * per-endpoint auth, then a failed signature where the endpoint refuses those. Refused requests are recorded with their
 * reason. No API methods of its own: endpoints carry the settings (`auth`, `verify`, `rateLimitPerMinute`).
 */
export function createProtectionModule(ctx: EngineContext): EngineModule & { limiter: RateLimiter } {
  const limiter = new RateLimiter(() => ctx.clock.now());
  ctx.receiverHooks.headChecks.push(
    createRateLimitInterceptor(limiter, (request) => ctx.receiverHooks.forwardedForTrusted(request)),
    authInterceptor,
  );
  ctx.receiverHooks.interceptors.push(signatureInterceptor);
  return { handlers: {}, limiter };
}
