import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { silentLogger } from '../../../electron/engine/util/logger';
import { send } from '../../helpers/raw-http';
import { tempDir } from '../../helpers/temp-dir';

let engine: Engine;
let dir: ReturnType<typeof tempDir>;
const call = <M extends keyof Engine['handlers']>(m: M, input: Parameters<Engine['handlers'][M]>[0]) =>
  (engine.handlers[m] as (i: unknown, meta: unknown) => ReturnType<Engine['handlers'][M]>)(input, {
    transport: 'in-process',
  });
/** node:http writes each character of a header value as one byte, so this puts the UTF-8 bytes on the wire. */
const utf8OnWire = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
const latin1OnWire = (text: string) => text;

beforeAll(async () => {
  dir = tempDir();
  engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
});
afterAll(async () => {
  await engine.close();
  dir.cleanup();
});

describe('non-ASCII header values', () => {
  it('the header filter matches the value as the Headers tab shows it, sent as UTF-8 or Latin-1', async () => {
    await send(`${engine.receiverUrl}/names`, { method: 'POST', headers: [['X-Name', utf8OnWire('José')]] });
    await send(`${engine.receiverUrl}/names`, { method: 'POST', headers: [['X-Name', latin1OnWire('Zoë')]] });
    const count = async (value: string) =>
      (await call('captures.count', { filter: { header: { name: 'x-name', value } } })).count;
    expect(await count('José')).toBe(1);
    expect(await count('Zoë')).toBe(1);
    expect(await count('Jose')).toBe(0);
  });

  it('header auth accepts a non-ASCII secret sent as UTF-8 (or Latin-1) and still refuses a wrong one', async () => {
    await call('endpoints.create', {
      slug: 'keyed',
      name: 'Keyed',
      auth: { kind: 'header', name: 'X-Key', value: 'clé' },
    });
    const status = async (value: string) =>
      (await send(`${engine.receiverUrl}/h/keyed/x`, { method: 'POST', headers: [['X-Key', value]] })).status;
    expect(await status(utf8OnWire('clé'))).toBe(200);
    expect(await status(latin1OnWire('clé'))).toBe(200);
    expect(await status(utf8OnWire('cle'))).toBe(401);
    expect(await status(utf8OnWire('clé!'))).toBe(401);
  });
});
