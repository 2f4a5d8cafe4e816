import { describe, expect, it } from 'vitest';
import { useHttpTarget } from '../helpers/http-target';
import { fillBulkSend } from './support/bulk-form';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

describe('bulk send: a rows file not named .csv or .json', () => {
  const received: Array<{ url: string; body: string }> = [];
  const target = useHttpTarget((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ url: req.url ?? '', body: Buffer.concat(chunks).toString() });
      res.end('ok');
    });
  });

  it('is read as JSON when it holds a JSON array, as the CLI reads it', async () => {
    const form = await fillBulkSend(s.page, {
      url: `${target.url}/txt`,
      bodyTemplate: '{"e":"[email]"}',
      rows: { name: 'contacts.txt', csv: '[{"email":"a@example.com"},{"email":"b@example.com"}]' },
    });
    await form.getByRole('button', { name: 'Start bulk send' }).click();
    await eventually(() => expect(received.filter((r) => r.url === '/txt')).toHaveLength(2));
    expect(received.map((r) => r.body).sort()).toEqual(['{"e":"a@example.com"}', '{"e":"b@example.com"}']);
  });

  it('is refused, naming the field, when it is JSON Lines, and starts nothing', async () => {
    const before = received.length;
    const form = await fillBulkSend(s.page, {
      url: `${target.url}/jsonl`,
      bodyTemplate: 'e=[email]',
      rows: { name: 'contacts.jsonl', csv: '{"email":"a@example.com"}\n{"email":"b@example.com"}\n' },
    });
    await form.getByRole('button', { name: 'Start bulk send' }).click();
    await eventually(async () =>
      expect(await form.getByRole('alert').innerText()).toBe(
        'Rows: contacts.jsonl is JSON Lines (one object a line); give the rows as a JSON array of objects (.json) or a CSV file',
      ),
    );
    expect(received.length).toBe(before);
  });
});
