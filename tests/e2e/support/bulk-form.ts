import type { Locator, Page } from 'playwright-core';

/** Opens Deliveries → Bulk send and fills its form (left unstarted); returns the form. */
export async function fillBulkSend(
  page: Page,
  job: { url: string; bodyTemplate: string; rows: { name: string; csv: string }; perMinute?: number },
): Promise<Locator> {
  await page.locator('.view-tab[data-view="deliveries"]').click();
  await page.getByRole('tab', { name: 'Bulk send' }).click();
  const form = page.locator('.bulk-send');
  await form.getByLabel('URL').fill(job.url);
  await form.getByLabel('Body template').fill(job.bodyTemplate);
  if (job.perMinute !== undefined) await form.getByLabel('Requests per minute').fill(String(job.perMinute));
  await form
    .getByLabel('Rows file')
    .setInputFiles({ name: job.rows.name, mimeType: 'text/csv', buffer: Buffer.from(job.rows.csv) });
  return form;
}

/** A bulk send of 20 rows to `base` at one row a minute: once started, the job stays running for the whole test. */
export function fillSlowBulkSend(page: Page, base: string): Promise<Locator> {
  const csv = ['Email', ...Array.from({ length: 20 }, (_, i) => `p${i}@example.test`)].join('\n');
  return fillBulkSend(page, {
    url: `${base}/bulk?email=[Email]`,
    bodyTemplate: 'Email=[Email]',
    rows: { name: 'people.csv', csv },
    perMinute: 1,
  });
}
