import { expect, it } from 'vitest';
import { toFilter } from '../../../electron/cli/filter-flags';
import { UsageError } from '../../../electron/cli/io';
import { useTempStores } from '../../helpers/temp-stores';

const t = useTempStores();
const statuses = (status: string[]) => toFilter({ status }, t.stores, Date.now()).statuses;

it('--status takes decimal digits, 100–599', () => {
  expect(statuses(['500', '204'])).toEqual([500, 204]);
});

it.each(['0x1F4', '5e2', '500.0', ' 500', '+500', '0500', '', '99', '600'])(
  '--status refuses "%s", naming the flag',
  (status) => {
    expect(() => statuses([status])).toThrow(UsageError);
    expect(() => statuses([status])).toThrow(`--status: expected 100–599, got "${status}"`);
  },
);
