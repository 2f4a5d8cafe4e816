import { describe, expect, it } from 'vitest';
import { useCliRowsSend } from '../../helpers/cli-rows-send';

const sendRows = useCliRowsSend();

describe('hookscope send --rows under a rate limit', () => {
  it("counts the rows queued ahead for the same rate slots in a retry's 'next in'", async () => {
    const { code, failed } = await sendRows({ name: 'rows.csv', text: 'id\n1\n2\n3\n' }, [
      '--rate',
      '60/min',
      '--policy',
      'ontraport',
      '--time-scale',
      '0.0001',
    ]);
    expect(code).toBe(0);
    // Rows 2 and 3 take the next two 1 s slots; row 1's retry gets the third: about 3 s after its first attempt.
    expect(failed).toMatch(/^row 1 #1 .* 500 .* next in (2\.9|3\.0) s$/);
  }, 20_000);

  it("says 'at least' while rows of the send are still to be queued", async () => {
    // More rows than one bulk batch (100): the rest are queued as the first ones go, possibly ahead of row 1's retry.
    const text = `id\n${Array.from({ length: 150 }, (_, i) => i + 1).join('\n')}\n`;
    const { code, failed } = await sendRows({ name: 'rows.csv', text }, [
      '--rate',
      '100/s',
      '--policy',
      'standard',
      '--time-scale',
      '0.0001',
    ]);
    expect(code).toBe(0);
    expect(failed).toMatch(/^row 1 #1 .* 500 .* next in at least \d/);
  }, 20_000);
});
