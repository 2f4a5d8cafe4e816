import { describe, expect, it } from 'vitest';
import { send } from '../../helpers/raw-http';
import { useEngineForUi } from '../../helpers/engine-for-ui';

const t = useEngineForUi();
const call: typeof t.api.call = (method, input) => t.api.call(method, input);
/** node:http writes each character of a header value as one byte, so this puts the UTF-8 bytes on the wire. */
const utf8OnWire = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
const latin1OnWire = (text: string) => text;

describe('non-ASCII header values', () => {
  it('the header filter matches the value as the Headers tab shows it, sent as UTF-8 or Latin-1', async () => {
    await send(`${t.engine.receiverUrl}/names`, {
      method: 'POST',
      headers: [['X-Name', utf8OnWire('José')]],
    });
    await send(`${t.engine.receiverUrl}/names`, {
      method: 'POST',
      headers: [['X-Name', latin1OnWire('Zoë')]],
    });
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
      (await send(`${t.engine.receiverUrl}/h/keyed/x`, { method: 'POST', headers: [['X-Key', value]] }))
        .status;
    expect(await status(utf8OnWire('clé'))).toBe(200);
    expect(await status(latin1OnWire('clé'))).toBe(200);
    expect(await status(utf8OnWire('cle'))).toBe(401);
    expect(await status(utf8OnWire('clé!'))).toBe(401);
  });

  it('a media type with a character past ASCII is stored lower-cased as text, sent as UTF-8 or Latin-1', async () => {
    const typeOf = async (contentType: string) => {
      const res = await send(`${t.engine.receiverUrl}/media`, {
        method: 'POST',
        headers: [['Content-Type', contentType]],
        body: '{}',
      });
      const id = Number(res.headers['x-hookscope-capture-id']);
      return (await call('captures.get', { id })).contentType;
    };
    expect(await typeOf(utf8OnWire('Application/Vnd.Éclair+JSON; Nom=Ça'))).toBe(
      'application/vnd.éclair+json',
    );
    expect(await typeOf(latin1OnWire('Application/Vnd.Éclair+JSON'))).toBe('application/vnd.éclair+json');
    const found = await call('captures.count', { filter: { contentTypes: ['application/vnd.Éclair+json'] } });
    expect(found.count).toBe(2);
  });
});
