import { describe, expect, it } from 'vitest';
import { bulkNumberFields, readNumberField } from '../../../renderer/src/features/deliveries/bulk-numbers';

describe('the bulk form numbers (Per minute, Concurrency, Batch)', () => {
  it('accept thousands groups, as the range in their message writes them', () => {
    expect(readNumberField('1,000', bulkNumberFields.batchSize)).toEqual({ value: 1000 });
    expect(readNumberField('10 000', bulkNumberFields.batchSize)).toEqual({ value: 10_000 });
    expect(readNumberField('1_000', bulkNumberFields.concurrency)).toEqual({ value: 1000 });
    expect(readNumberField('1,200.5', bulkNumberFields.ratePerMinute)).toEqual({ value: 1200.5 });
    expect(readNumberField('.5', bulkNumberFields.ratePerMinute)).toEqual({ value: 0.5 });
  });

  it('refuse what Number() reads but nobody types as a count, naming the field', () => {
    for (const typed of ['0x10', '1e3', '+5', '0b11', '1,5', '1,0000', '1.', 'Infinity'])
      expect(readNumberField(typed, bulkNumberFields.batchSize)).toEqual({
        error: `Batch: "${typed}" is not a whole number (1–10,000)`,
      });
    expect(readNumberField('1e2', bulkNumberFields.ratePerMinute).error).toBe(
      'Per minute: "1e2" is not a number (more than 0, up to 6,000,000)',
    );
  });

  it('still say a grouped number out of range is out of range', () => {
    expect(readNumberField('10,001', bulkNumberFields.batchSize)).toEqual({
      error: 'Batch: 10,001 is out of range (1–10,000)',
    });
  });
});
