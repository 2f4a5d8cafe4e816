import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inProcessCall } from '../../helpers/in-process-call';
import { useTestEngine } from '../../helpers/test-engine';

// A rule's deliberate failure answers its own JSON body: headers that describe the rule's body must not go with it.
const t = useTestEngine();
const call = inProcessCall(() => t.engine);

describe("a rule's failure answer", () => {
  it('leaves out the content-encoding of a gzip success body, so the sender can read the failure', async () => {
    await call('endpoints.create', {
      slug: 'gz',
      name: 'Gzip answers',
      rule: {
        status: 200,
        headers: [
          ['Content-Type', 'application/json'],
          ['Content-Encoding', 'gzip'],
          ['Content-Disposition', 'attachment; filename="ok.json.gz"'],
          ['X-Kept', 'yes'],
        ],
        body: gzipSync('{"ok":true}').toString('base64'),
        bodyEncoding: 'base64',
        delayMs: 0,
        behaviour: { kind: 'fail-first', count: 1, failStatus: 503 },
      },
    });

    // fetch decodes by Content-Encoding, as most senders' HTTP clients do.
    const failed = await fetch(`${t.engine.receiverUrl}/h/gz`, { method: 'POST', body: '{}' });
    expect(failed.status).toBe(503);
    expect(failed.headers.get('content-encoding')).toBeNull();
    expect(failed.headers.get('content-disposition')).toBeNull();
    expect(failed.headers.get('content-type')).toBe('application/json');
    expect(failed.headers.get('x-kept')).toBe('yes');
    expect(JSON.parse(await failed.text())).toMatchObject({ error: 'deliberate_failure' });

    const succeeded = await fetch(`${t.engine.receiverUrl}/h/gz`, { method: 'POST', body: '{}' });
    expect(succeeded.status).toBe(200);
    expect(succeeded.headers.get('content-encoding')).toBe('gzip');
    expect(await succeeded.text()).toBe('{"ok":true}');
  });
});
