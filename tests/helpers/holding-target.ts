import type { ServerResponse } from 'node:http';
import { afterAll } from 'vitest';
import { useHttpTarget } from './http-target';

/**
 * A delivery target on 127.0.0.1, port 0, that reads each request and holds its response in `held` for the test to
 * answer; any left unanswered are answered when the file's tests are done, so the target can close.
 */
export function useHoldingTarget(): { readonly url: string; readonly held: ServerResponse[] } {
  const held: ServerResponse[] = [];
  const target = useHttpTarget((req, res) => {
    req.resume();
    req.on('end', () => held.push(res));
  });
  afterAll(() => {
    for (const res of held) if (!res.writableEnded) res.end('late');
  });
  return {
    get url() {
      return target.url;
    },
    held,
  };
}
