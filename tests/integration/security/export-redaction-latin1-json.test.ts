import { describe, expect, it } from 'vitest';
import { exportedBodies, useRedactionApp } from '../../helpers/redaction-app';

// JSON written in Latin-1 or Windows-1252 (PHP senders, a `charset=iso-8859-1`) is not UTF-8; its secret fields are
// still redacted, and every other byte is exported as received.
const r = useRedactionApp();
const capture = (contentType: string, body: Buffer) =>
  r.capture('/hook', [['Content-Type', contentType]], body);

async function exportedBody(id: number, format: 'jsonl' | 'json'): Promise<Buffer> {
  return exportedBodies(await r.exported([id], format), format)[0]!;
}

const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('a redacted export of JSON that is not UTF-8', () => {
  for (const contentType of ['application/json; charset=iso-8859-1', 'application/json'])
    for (const format of ['jsonl', 'json'] as const)
      it(`${format}, ${contentType}: hides the secret fields and keeps the other bytes`, async () => {
        const id = await capture(
          contentType,
          latin1('{"name":"José Müller","password":"LATINSECRET1","token":{"k":"LATINSECRET2"}}'),
        );
        expect(
          (await exportedBody(id, format)).equals(
            latin1('{"name":"José Müller","password":"[redacted]","token":"[redacted]"}'),
          ),
        ).toBe(true);
      });

  it('hides them in JSON cut off after a Latin-1 byte', async () => {
    const id = await capture('application/json', latin1('{"city":"Zürich","api_key":"LATINSECRET3'));
    const body = await exportedBody(id, 'jsonl');
    expect(body.toString('latin1')).not.toContain('LATINSECRET3');
    expect(body.toString('latin1')).toContain('"city":"Zürich"');
  });
});
