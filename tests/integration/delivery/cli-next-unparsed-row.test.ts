import { expect, it } from 'vitest';
import { useCliRowsSend } from '../../helpers/cli-rows-send';

const sendRows = useCliRowsSend();

// A row the file could not be parsed into counts in the job's total but is never queued: every retry's "next in" said
// "at least" (rows still to be queued ahead of it) when every row there was had long been queued.
it("a row that could not be parsed does not make a retry's 'next in' say 'at least'", async () => {
  const { code, err, failed } = await sendRows({ name: 'rows.json', text: '[{"id":"1"}, 7]' }, [
    '--policy',
    'standard',
    '--time-scale',
    '0.01',
  ]);
  expect(code).toBe(1);
  expect(err).toMatch(/skipped row 2/);
  expect(failed).toMatch(/^row 1 #1 .* 500 .* next in 50 ms$/);
}, 20_000);
