import { expect } from 'vitest';
import type { Engine } from '../../electron/engine/engine';

/** Lets `n` short real timers pass, so the engine's background passes get their turns. */
export const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 5));
};

/** The event label stored on capture `id`, read straight from the database. */
export const storedLabel = (engine: Engine, id: number) =>
  engine.ctx.db.prepare('SELECT event_label FROM captures WHERE id = ?').pluck().get(id);

/** Waits until capture `id` is stored with `label`, and fails with the label it has if it never is. */
export async function labelBecomes(engine: Engine, id: number, label: string) {
  for (let i = 0; i < 1000 && storedLabel(engine, id) !== label; i++) await turns(1);
  expect(storedLabel(engine, id)).toBe(label);
}
