import { expect, it } from 'vitest';
import { toFilter } from '../../../electron/cli/filter-flags';
import { UsageError } from '../../../electron/cli/io';
import { useTempStores } from '../../helpers/temp-stores';

const t = useTempStores();
const statuses = (status: string[]) => toFilter({ status }, t.stores, Date.now()).statuses;

it('--status takes decimal digits, 100–599', () => {
  expect(statuses(['500', '204'])).toEqual([500, 204]);
});

it("--status takes a class as the app's filter does (2xx, any case), with codes beside it, each once", () => {
  const range = (from: number) => Array.from({ length: 100 }, (_, i) => from + i);
  expect(statuses(['2xx'])).toEqual(range(200));
  expect(statuses(['5XX', '404', '503'])).toEqual([...range(500), 404]);
});

it.each(['0x1F4', '5e2', '500.0', ' 500', '+500', '0500', '', '99', '600', '6xx', '0xx', '2x', '2xxx', 'xx'])(
  '--status refuses "%s", naming the flag',
  (status) => {
    expect(() => statuses([status])).toThrow(UsageError);
    expect(() => statuses([status])).toThrow(
      `--status: expected a code 100–599 or a class 1xx–5xx, got "${status}"`,
    );
  },
);
