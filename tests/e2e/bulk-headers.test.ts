import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { useHttpTarget } from '../helpers/http-target';
import { fillBulkSend } from './support/bulk-form';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

describe('bulk send headers from the form', () => {
  const received: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
  const target = useHttpTarget((req, res) => {
    received.push({ url: req.url ?? '', headers: req.headers });
    req.resume().on('end', () => res.end('ok'));
  });

  it('sends each row with its headers, placeholders in names and values filled from the row', async () => {
    const { page } = s;
    const form = await fillBulkSend(page, {
      url: `${target.url}/bulk/[n]`,
      bodyTemplate: 'n=[n]',
      rows: { name: 'vendors.csv', csv: 'n,vendor,Tenant\n1,acme,Blue\n2,beta,Red' },
    });
    const headers = form.getByTestId('bulk-headers');
    const add = async (n: number, name: string, value: string) => {
      await headers.getByRole('button', { name: '+ Add' }).click();
      await headers.getByRole('textbox', { name: `Header ${n}`, exact: true }).fill(name);
      await headers.getByRole('textbox', { name: `Header value ${n}`, exact: true }).fill(value);
    };
    await add(1, 'X-{{vendor}}-Key', 'k{{n}}');
    await add(2, 'X-Tenant', '[Tenant]');
    await form.getByRole('button', { name: 'Start bulk send' }).click();

    await eventually(() => expect(received).toHaveLength(2));
    const sent = (n: number) => received.find((r) => r.url === `/bulk/${n}`)?.headers;
    expect(sent(1)).toMatchObject({ 'x-acme-key': 'k1', 'x-tenant': 'Blue' });
    expect(sent(2)).toMatchObject({ 'x-beta-key': 'k2', 'x-tenant': 'Red' });
  });

  it('refuses a header row with a value but no name, naming the row, and starts nothing', async () => {
    const { page } = s;
    const before = received.length;
    const form = await fillBulkSend(page, {
      url: `${target.url}/unnamed`,
      bodyTemplate: 'x',
      rows: { name: 'one.csv', csv: 'n\n1' },
    });
    const headers = form.getByTestId('bulk-headers');
    await headers.getByRole('button', { name: '+ Add' }).click();
    const last = await headers.getByRole('textbox', { name: /^Header value \d+$/ }).count();
    await headers.getByRole('textbox', { name: `Header ${last}`, exact: true }).fill('');
    await headers.getByRole('textbox', { name: `Header value ${last}`, exact: true }).fill('orphan');
    await form.getByRole('button', { name: 'Start bulk send' }).click();
    await eventually(async () =>
      expect(await form.getByRole('alert').innerText()).toBe(
        `headers: row ${last} has a value but no name; name it or remove the row`,
      ),
    );
    expect(received.length).toBe(before);
  });
});
