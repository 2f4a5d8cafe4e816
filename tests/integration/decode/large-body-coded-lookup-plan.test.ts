import { describe, expect, it } from 'vitest';
import { codedAmongSql } from '../../../electron/engine/decode/large-body';
import { useTestEngine } from '../../helpers/test-engine';

const test = useTestEngine();

// Run for every batch filed, on the engine's thread: it must read only the batch's captures, whatever the store holds.
describe('the labeller asking which captures of a filed batch are stored in a coding', () => {
  it('looks each one up by name and id, not through a list of every chunked capture', () => {
    const plan = test.engine.ctx.db.prepare(`EXPLAIN QUERY PLAN ${codedAmongSql(3)}`).all(1, 2, 3) as {
      detail: string;
    }[];
    const details = plan.map((p) => p.detail).join('\n');
    expect(details).toMatch(/SEARCH n USING PRIMARY KEY \(name=\? AND capture_id=\?\)/);
    expect(details).not.toMatch(/LIST SUBQUERY/);
  });
});
