// Screenshots of the main views, light and dark, with real data sent through the real receiver.
//   npx vite build && tsx scripts/screenshots.ts   → docs/screenshots/*.png
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startApp } from '../tests/helpers/app-server';
import { launchChromium } from '../tests/helpers/chromium';
import { send as rawSend } from '../tests/helpers/raw-http';

const out = join(import.meta.dirname, '../docs/screenshots');
mkdirSync(out, { recursive: true });

const app = await startApp();
const r = app.receiverUrl;
const call = async (method: string, input: unknown) => {
  const res = await app.rpc(method, input);
  if (!res.ok) throw new Error(`${method}: ${res.error.message}`);
  return res.value;
};

await call('endpoints.create', {
  slug: 'ortto',
  name: 'Ortto production',
  rule: {
    status: 200,
    headers: [['Content-Type', 'application/json']],
    body: '{"ok":true}',
    delayMs: 0,
    behaviour: { kind: 'fixed' },
  },
});
await call('endpoints.create', {
  slug: 'flaky',
  name: 'Retry drill',
  rule: {
    status: 200,
    headers: [],
    body: '',
    delayMs: 250,
    behaviour: { kind: 'fail-first', count: 3, failStatus: 503 },
  },
});
await call('endpoints.create', {
  slug: 'shop',
  name: 'Shop orders',
  rule: {
    status: 202,
    headers: [],
    body: 'accepted',
    delayMs: 0,
    behaviour: { kind: 'sequence', statuses: [500, 429, 202] },
  },
});

const json = (path: string, body: unknown, headers: Array<[string, string]> = []) =>
  rawSend(`${r}${path}`, {
    method: 'POST',
    headers: [['Content-Type', 'application/json'], ['User-Agent', 'Ortto-Webhooks/2.1'], ...headers],
    body: JSON.stringify(body),
  });

for (let i = 0; i < 3; i++) await call('app.sendSample', {});
await json(
  '/h/ortto/activity',
  {
    activity: {
      field_id: 'act::c',
      created: new Date().toISOString(),
      attr: { 'str::cn': 'Welcome series', 'str::c': 'https://example.com/pricing' },
    },
    contact: { email: 'dana@example.com', first_name: 'Dana', tags: ['vip', 'beta'] },
  },
  [['X-Ortto-Signature', 'sha256=7d1c0f0e9a']],
);
for (let i = 0; i < 4; i++)
  await json('/h/flaky/orders', {
    id: `ord_${1040 + i}`,
    total: 129.5 + i,
    currency: 'AUD',
    items: [{ sku: 'TEE-RED-M', qty: 2 }],
  });
for (let i = 0; i < 3; i++)
  await json(`/h/shop/orders/${2200 + i}`, {
    event: 'order.paid',
    order: {
      id: 2200 + i,
      customer: { name: 'Sam Lee', email: 'sam@example.com' },
      lines: [{ sku: 'MUG-01', qty: 1, price: 18 }],
    },
  });
await rawSend(`${r}/ontraport/contact`, {
  method: 'POST',
  headers: [
    ['Content-Type', 'application/x-www-form-urlencoded'],
    ['User-Agent', 'Ontraport'],
  ],
  body: 'id=4411&firstname=Alex&lastname=Ng&email=alex%40example.com&contact_cat=*%2F*12*%2F*&fields[f1577]=Gold&fields[f1578]=2026-11-01',
});
await rawSend(`${r}/legacy/soap`, {
  method: 'POST',
  headers: [
    ['Content-Type', 'text/xml; charset=utf-8'],
    ['SOAPAction', 'urn:notify'],
  ],
  body: '<?xml version="1.0"?><Envelope><Body><Notify><Id>88</Id><Status>shipped</Status></Notify></Body></Envelope>',
});
const boundary = '----hookscope7MA4YWxk';
await rawSend(`${r}/uploads/avatar`, {
  method: 'POST',
  headers: [['Content-Type', `multipart/form-data; boundary=${boundary}`]],
  body: Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="user"\r\n\r\n42\r\n--${boundary}\r\nContent-Disposition: form-data; name="avatar"; filename="me.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]),
});
await rawSend(`${r}/health?probe=1`, { method: 'GET', headers: [['User-Agent', 'uptime-bot/1.0']] });
await json(
  '/h/ortto/activity',
  {
    activity: {
      field_id: 'act::c',
      created: new Date().toISOString(),
      attr: { 'str::c': 'https://example.com/pricing?plan=pro', 'str::cn': 'Welcome series' },
    },
    contact: { first_name: 'Dana', email: 'dana@example.com', tags: ['vip'] },
  },
  [['X-Ortto-Signature', 'sha256=0b9e44aa1f']],
);

const browser = await launchChromium();

async function shoot(
  theme: 'light' | 'dark',
  name: string,
  prepare: (page: Page) => Promise<void>,
  url = app.uiUrl,
) {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 860 },
    colorScheme: theme,
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('.status-bar .conn-open').waitFor();
  await prepare(page);
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(out, `${name}-${theme}.png`) });
  await context.close();
}

const rowByPath = (page: Page, text: string) =>
  page.locator('.row[data-capture-id]', { hasText: text }).first();

for (const theme of ['dark', 'light'] as const) {
  await shoot(theme, 'inspector', async (page) => {
    await rowByPath(page, '/h/shop/orders/2202').click();
    await page.locator('.detail-pane .tab[data-tab="body"]').click();
  });
  await shoot(theme, 'headers', async (page) => {
    await rowByPath(page, '/h/ortto/activity').click();
    await page.locator('.detail-pane .tab[data-tab="headers"]').click();
  });
  await shoot(theme, 'raw-editor', async (page) => {
    await rowByPath(page, '/h/ortto/activity').click();
    await page.locator('.detail-pane .tab[data-tab="body"]').click();
    await page.locator('.body-toolbar [data-mode="raw"]').click();
    await page.locator('.body-raw .view-lines').waitFor();
  });
  await shoot(theme, 'multipart', async (page) => {
    await rowByPath(page, '/uploads/avatar').click();
    await page.locator('.detail-pane .tab[data-tab="body"]').click();
  });
  await shoot(theme, 'search', async (page) => {
    await page.getByTestId('search').fill('Dana');
    await page.locator('.row mark.hl, .row[data-capture-id]').first().waitFor();
    await page.waitForTimeout(400);
    await rowByPath(page, '/h/ortto/activity').click();
    await page.locator('.detail-pane .tab[data-tab="body"]').click();
  });
  await shoot(theme, 'decoded', async (page) => {
    await page.locator('.row[data-capture-id]', { hasText: '/' }).last().click();
    await page.locator('.detail-pane .tab[data-tab="decoded"]').click();
  });
  await shoot(theme, 'endpoints', async (page) => {
    await page.locator('.view-tab[data-view="endpoints"]').click();
    await page.getByTestId('endpoint-card').first().waitFor();
  });
  await shoot(theme, 'diff', async (page) => {
    const rows = page.locator('.row[data-capture-id]', { hasText: '/h/ortto/activity' });
    await rows.nth(0).click();
    await rows.nth(1).click({ modifiers: ['Control'] });
    await page.getByTestId('diff-button').click();
    await page.locator('[data-testid="diff-body"] .view-lines').first().waitFor();
  });
}

// First run: a fresh engine with nothing captured.
await app.close();
const empty = await startApp();
for (const theme of ['dark', 'light'] as const) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 860 }, colorScheme: theme });
  const page = await context.newPage();
  await page.goto(empty.uiUrl);
  await page.getByTestId('empty-state').waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(out, `first-run-${theme}.png`) });
  await context.close();
}
await empty.close();
await browser.close();
console.log(`screenshots written to ${out}`);
