import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/contract/errors';
import type { Environment } from '../../shared/contract/delivery';

interface Row {
  id: number;
  name: string;
  variables_json: string;
  active: number;
  updated_at_ms: number;
}

const toEnvironment = (r: Row): Environment => ({
  id: r.id,
  name: r.name,
  variables: JSON.parse(r.variables_json) as Record<string, string>,
  active: r.active === 1,
  updatedAtMs: r.updated_at_ms,
});

/** Named sets of `{{variables}}`; at most one is active and feeds bulk sends and the composer. */
export class EnvironmentStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number,
  ) {}

  list(): Environment[] {
    return (this.db.prepare('SELECT * FROM environments ORDER BY name').all() as Row[]).map(toEnvironment);
  }

  active(): Record<string, string> {
    const row = this.db.prepare('SELECT * FROM environments WHERE active = 1 LIMIT 1').get() as
      Row | undefined;
    return row ? toEnvironment(row).variables : {};
  }

  save(input: {
    id?: number;
    ifUpdatedAtMs?: number;
    name: string;
    variables: Record<string, string>;
  }): Environment {
    const clash = this.db.prepare('SELECT id FROM environments WHERE name = ?').get(input.name) as
      { id: number } | undefined;
    if (clash && clash.id !== input.id)
      throw new ApiError('conflict', `name: an environment named "${input.name}" already exists`);
    let id = input.id;
    if (id !== undefined) {
      const current = this.db.prepare('SELECT * FROM environments WHERE id = ?').get(id) as Row | undefined;
      if (!current) throw new ApiError('not_found', `id: no environment ${id}`);
      if (input.ifUpdatedAtMs !== undefined && current.updated_at_ms !== input.ifUpdatedAtMs)
        throw new ApiError(
          'conflict',
          `ifUpdatedAtMs: environment ${id} ("${current.name}") was changed elsewhere after it was opened for ` +
            'editing; open it again to edit the saved version',
        );
      // Each save moves the version on, even two within one millisecond.
      this.db
        .prepare(
          'UPDATE environments SET name = ?, variables_json = ?, updated_at_ms = MAX(?, updated_at_ms + 1) WHERE id = ?',
        )
        .run(input.name, JSON.stringify(input.variables), this.now(), id);
    } else {
      id = Number(
        this.db
          .prepare('INSERT INTO environments (name, variables_json, updated_at_ms) VALUES (?, ?, ?)')
          .run(input.name, JSON.stringify(input.variables), this.now()).lastInsertRowid,
      );
    }
    return toEnvironment(this.db.prepare('SELECT * FROM environments WHERE id = ?').get(id) as Row);
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM environments WHERE id = ?').run(id).changes > 0;
  }

  activate(id: number | null): void {
    this.db.transaction(() => {
      if (id !== null && !this.db.prepare('SELECT 1 FROM environments WHERE id = ?').get(id)) {
        throw new ApiError('not_found', `id: no environment ${id}`);
      }
      this.db.prepare('UPDATE environments SET active = CASE WHEN id = ? THEN 1 ELSE 0 END').run(id);
    })();
  }
}
