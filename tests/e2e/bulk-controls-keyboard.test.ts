import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

/** The focused element's tag and text, and whether it sits in the bulk progress. */
const focused = () =>
  s.page.evaluate(() => {
    const el = document.activeElement;
    const inProgress = el?.closest('.bulk-progress') ? ' in progress' : '';
    return `${el?.tagName ?? ''} ${el?.textContent?.trim() ?? ''}${inProgress}`;
  });

describe('bulk send controls by keyboard', () => {
  let target: Server;
  let base: string;
  beforeAll(async () => {
    target = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => target.close(() => resolve())));

  it('keeps the focus on Start while the job starts, and in the job controls after Pause, Resume, Stop and Delete take the pressed button away', async () => {
    const { page } = s;
    await page.locator('.view-tab[data-view="deliveries"]').click();
    await page.getByRole('tab', { name: 'Bulk send' }).click();
    const form = page.locator('.bulk-send');
    await form.getByLabel('URL').fill(`${base}/bulk?email=[Email]`);
    await form.getByLabel('Body template').fill('Email=[Email]');
    // One row a minute: the job stays running for the whole test.
    await form.getByLabel('Requests per minute').fill('1');
    const csv = ['Email', ...Array.from({ length: 20 }, (_, i) => `p${i}@example.test`)].join('\n');
    await form
      .getByLabel('Rows file')
      .setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    // Start disables itself while the job starts: the keyboard goes on from it, not the page.
    await form.getByRole('button', { name: 'Start bulk send' }).focus();
    await page.keyboard.press('Enter');
    const progress = page.locator('.bulk-progress');
    await progress.getByRole('button', { name: 'Pause', exact: true }).waitFor();

    await eventually(async () => expect(await focused()).toBe('BUTTON Start bulk send'));

    const press = async (name: string) => {
      await progress.getByRole('button', { name, exact: true }).focus();
      await page.keyboard.press('Enter');
    };
    await press('Pause');
    await eventually(async () => expect(await focused()).toBe('BUTTON Resume in progress'));
    await press('Resume');
    await eventually(async () => expect(await focused()).toBe('BUTTON Pause in progress'));
    // Stop takes both buttons away: the keyboard goes on from what the stopped job offers.
    await press('Stop');
    await eventually(async () => expect(await focused()).toBe('BUTTON Delete… in progress'));
    // Deleting the only job takes its progress away: the keyboard goes on from Start.
    await page.keyboard.press('Enter');
    await progress.getByRole('button', { name: 'Delete job and its deliveries' }).focus();
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await progress.count()).toBe(0));
    await eventually(async () => expect(await focused()).toBe('BUTTON Start bulk send'));
  });
});
