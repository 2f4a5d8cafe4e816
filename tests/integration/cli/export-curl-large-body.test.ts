import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { parseCurl } from '../../../electron/shared/send/curl';
import { send } from '../../helpers/raw-http';
import { useTestEngine } from '../../helpers/test-engine';

const t = useTestEngine();

describe('export --format curl with a large text body', () => {
  it('writes a script sh can run that re-sends a body past the 128 KiB argument limit byte for byte', async () => {
    const { engine, dataDir } = t;
    // Quotes, backslashes, %, $, a newline at the end and non-ASCII: everything a shell or printf could change.
    const filler = `"it's 100% \\\\n $HOME \`x\` é ✓"\n`;
    const body = `{"kind":"bigtext","text":"${filler.repeat(Math.ceil(200_000 / filler.length))}"}\n`;
    expect(body.length).toBeGreaterThan(200_000);
    await send(`${engine.receiverUrl}/bigtext`, {
      method: 'POST',
      headers: [['Content-Type', 'application/json']],
      body,
    });
    // The CLI reads only filed captures, and searches only indexed ones: beside a running app it never writes.
    engine.ctx.captures.indexer.drain();

    const out: string[] = [];
    const err: string[] = [];
    const args = ['export', '--data-dir', dataDir, '--format', 'curl', '--search', 'bigtext', '--limit', '1'];
    const code = await main([...args, '--base-url', engine.receiverUrl], {
      stdout: (s) => out.push(s),
      stderr: (s) => err.push(s),
    });
    expect(code, err.join('')).toBe(0);
    const script = join(dataDir, 'resend.sh');
    writeFileSync(script, out.join(''));
    // The body holds newlines: the command is everything after the shebang line.
    const command = out.join('').slice(out.join('').indexOf('\n') + 1);
    expect(Buffer.from(parseCurl(command).bodyBase64!, 'base64')).toEqual(Buffer.from(body));

    await promisify(execFile)('sh', [script], { maxBuffer: 1 << 20 });

    engine.ctx.captures.fileWaiting();
    const resent = engine.ctx.captures.list({ limit: 1 }).items[0]!;
    const detail = engine.ctx.captures.get(resent.id);
    expect(detail.path).toBe('/bigtext');
    expect(Buffer.from(detail.bodyBase64, 'base64')).toEqual(Buffer.from(body));
  });
});
