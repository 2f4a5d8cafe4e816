import { config } from 'zod';

// Shared decoders bring zod into the page. Zod probes `Function('')` to decide whether to JIT-compile parsers,
// which the strict CSP (no 'unsafe-eval') reports as a violation. Tell it up front not to try.
config({ jitless: true });
