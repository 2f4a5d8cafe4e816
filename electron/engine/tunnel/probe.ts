import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { BYPASS_REMINDER_HEADER } from '../../shared/tunnel-bypass';
import type { IncomingCapture, Interception } from '../context';

export const PROBE_PATH = '/__hookscope/tunnel-probe';
export const PROBE_HEADER = 'x-hookscope-probe';

export interface ProbeOutcome {
  ok: boolean;
  latencyMs: number | null;
  detail: string;
  /** The probe could not tell either way (this machine cannot resolve the public host): not a failed tunnel. */
  inconclusive?: boolean;
}

/** Late probes still swallowed: at the 15 s probe interval, those of the last quarter of an hour or so. */
const LATE_NONCES_KEPT = 64;

/** DNS answers meaning this machine cannot look the public host up, which says nothing about the tunnel itself. */
const UNRESOLVED_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN']);

/**
 * Nonces of probes in flight. The receiver interceptor answers (and swallows) only requests carrying one of them,
 * so an outsider cannot hide requests from the capture list by imitating a probe.
 */
export class ProbeRegistry {
  private readonly pending = new Map<string, { seen: boolean }>();
  /**
   * Nonces given up on before the receiver saw them, oldest first: a tunnel that hung delivers its probes once it
   * catches up, and each is still ours to swallow, once (bounded: a tunnel that never catches up adds one per probe).
   */
  private readonly late = new Set<string>();

  issue(): string {
    const nonce = randomBytes(16).toString('hex');
    this.pending.set(nonce, { seen: false });
    return nonce;
  }

  /** Forget the nonce; true when the receiver saw it. */
  settle(nonce: string): boolean {
    const entry = this.pending.get(nonce);
    this.pending.delete(nonce);
    if (entry && !entry.seen) {
      this.late.add(nonce);
      if (this.late.size > LATE_NONCES_KEPT) this.late.delete(this.late.values().next().value!);
    }
    return entry?.seen ?? false;
  }

  /** Receiver interceptor: a known probe is answered with its nonce and not recorded. */
  readonly interceptor = (request: IncomingCapture): Interception | null => {
    if (request.path !== PROBE_PATH) return null;
    const nonce = request.headers.find(([name]) => name.toLowerCase() === PROBE_HEADER)?.[1];
    if (nonce === undefined) return null;
    const entry = this.pending.get(nonce);
    if (entry) entry.seen = true;
    else if (!this.late.delete(nonce)) return null;
    return {
      response: {
        status: 200,
        headers: [['content-type', 'text/plain; charset=utf-8']],
        body: `hookscope-probe ${nonce}`,
      },
      record: false,
      reason: 'tunnel health probe',
    };
  };
}

export interface ProberOptions {
  registry: ProbeRegistry;
  timeoutMs: number;
  /** DNS override (tests map the public host to 127.0.0.1 while keeping the Host header). */
  lookup?: LookupFunction;
}

/** Request `<publicUrl>/__hookscope/tunnel-probe` through the tunnel and check the receiver itself answered. */
export function createProber(options: ProberOptions): (publicUrl: string) => Promise<ProbeOutcome> {
  return async (publicUrl) => {
    const nonce = options.registry.issue();
    const started = performance.now();
    try {
      const { status, body } = await get(new URL(PROBE_PATH, publicUrl), nonce, options);
      const seen = options.registry.settle(nonce);
      const latencyMs = Math.round(performance.now() - started);
      if (seen && status === 200 && body.includes(nonce))
        return { ok: true, latencyMs, detail: 'receiver answered through the tunnel' };
      if (seen)
        return {
          ok: false,
          latencyMs,
          detail: `receiver saw the probe but the tunnel answered HTTP ${status}`,
        };
      return { ok: false, latencyMs, detail: `tunnel answered HTTP ${status} without reaching the receiver` };
    } catch (error) {
      options.registry.settle(nonce);
      const code = (error as NodeJS.ErrnoException | null)?.code;
      if (code && UNRESOLVED_CODES.has(code))
        return {
          ok: false,
          inconclusive: true,
          latencyMs: null,
          detail: `could not check the public URL from this machine: ${new URL(publicUrl).hostname} does not resolve here (${code})`,
        };
      return { ok: false, latencyMs: null, detail: error instanceof Error ? error.message : String(error) };
    }
  };
}

function get(url: URL, nonce: string, options: ProberOptions): Promise<{ status: number; body: string }> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'GET',
        agent: false,
        lookup: options.lookup,
        timeout: options.timeoutMs,
        headers: {
          [PROBE_HEADER]: nonce,
          [BYPASS_REMINDER_HEADER]: '1',
          'user-agent': 'hookscope-tunnel-probe',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= 64 * 1024) chunks.push(chunk);
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`probe timed out after ${options.timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}
