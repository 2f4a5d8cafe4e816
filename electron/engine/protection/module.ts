import type { EngineContext, EngineModule } from '../context';
import { authInterceptor } from './auth';
import { createRateLimitInterceptor, RateLimiter } from './rate-limit';

/**
 * Receiver protection for a public URL: per-IP rate limit first (so guessing credentials is throttled too), then
 * per-endpoint auth. Refused requests are recorded with their reason. No API methods of its own: endpoints carry
 * the settings (`auth`, `rateLimitPerMinute`).
 */
export function createProtectionModule(ctx: EngineContext): EngineModule & { limiter: RateLimiter } {
  const limiter = new RateLimiter(() => ctx.clock.now());
  ctx.receiverHooks.interceptors.push(
    createRateLimitInterceptor(limiter, (request) => ctx.receiverHooks.forwardedForTrusted(request)),
    authInterceptor,
  );
  return { handlers: {}, limiter };
}
