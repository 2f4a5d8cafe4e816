import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, row, useUiSession } from './support/ui';

/**
 * Lord Howe Island sets its clocks back half an hour (+11 to +10:30) at 02:00 on 2026-04-05, so 01:30-01:59 happens
 * twice that night and the list names the offset beside another day's minute: its widest form, "04-05 01:45 +10:30".
 */
const entry = (path: string, startedDateTime: string) => ({
  startedDateTime,
  request: { method: 'POST', url: `https://hooks.example.com${path}`, httpVersion: 'HTTP/1.1', headers: [] },
});
const har = JSON.stringify({
  log: {
    entries: [
      entry('/lord-howe/first', '2026-04-05T01:45:00.000+11:00'),
      entry('/lord-howe/second', '2026-04-05T01:45:00.000+10:30'),
    ],
  },
});

describe("the list's time column for another day's minute from Lord Howe's repeated half hour", () => {
  const s = useUiSession({ timezoneId: 'Australia/Lord_Howe' });
  beforeAll(async () => {
    // A fixed "now" later that year, so the captures are from another day of the same year whenever this runs.
    await s.page.clock.setFixedTime(new Date('2026-11-24T12:00:00+11:00'));
    const imported = await s.app.rpc<{ imported: number }>('captures.importHar', { har });
    if (!imported.ok) throw new Error(imported.error.message);
    await s.page.reload();
    await eventually(async () => expect(await row(s.page, '/lord-howe/').count()).toBe(2));
  });

  it('shows each time whole, with the offset that tells the two apart', async () => {
    const cells = await s.page
      .locator('.row[data-capture-id]', { hasText: '/lord-howe/' })
      .evaluateAll((rows) =>
        rows.map((r) => {
          const cell = r.querySelector<HTMLElement>('.cell.time')!;
          return {
            path: r.querySelector('.cell.path')!.textContent,
            text: cell.textContent,
            cut: cell.scrollWidth > cell.clientWidth,
            title: cell.title,
          };
        }),
      );
    expect(cells.sort((a, b) => a.path!.localeCompare(b.path!))).toEqual([
      {
        path: '/lord-howe/first',
        text: '04-05 01:45 +11',
        cut: false,
        title: '2026-04-05 01:45:00.000 +11:00 (2026-04-04T14:45:00.000Z)',
      },
      {
        path: '/lord-howe/second',
        text: '04-05 01:45 +10:30',
        cut: false,
        title: '2026-04-05 01:45:00.000 +10:30 (2026-04-04T15:15:00.000Z)',
      },
    ]);
  });
});
