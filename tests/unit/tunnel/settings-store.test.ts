import { describe, expect, it } from 'vitest';
import { TunnelSettingsStore } from '../../../electron/engine/tunnel/settings-store';
import type { Logger } from '../../../electron/engine/util/logger';
import { useTempStores } from '../../helpers/temp-stores';

// A saved row written by an older version can hold a value today's checks refuse (a host with port 0).

const t = useTempStores();

function collectingLogger() {
  const warnings: Array<{ message: string; fields?: Record<string, unknown> }> = [];
  const log: Logger = {
    info: () => undefined,
    warn: (message, fields) => warnings.push({ message, fields }),
    error: () => undefined,
  };
  return { log, warnings };
}

function saveRow(subdomain: string | null, host: string, autoStart: boolean) {
  t.stores.db
    .prepare(
      'INSERT INTO tunnel_settings (id, subdomain, host, auto_start, updated_at_ms) VALUES (1, ?, ?, ?, 0)',
    )
    .run(subdomain, host, autoStart ? 1 : 0);
}

describe('TunnelSettingsStore with a saved row that no longer validates', () => {
  it('keeps the fields that still validate and warns once, naming the one dropped', () => {
    saveRow('kept-name', 'http://127.0.0.1:0', true);
    const { log, warnings } = collectingLogger();
    const store = new TunnelSettingsStore(t.stores.db, () => t.clock.now(), log);
    expect(store.get()).toEqual({ subdomain: 'kept-name', host: 'https://localtunnel.me', autoStart: true });
    store.get();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/^tunnel settings: saved host is no longer valid/);
    expect(warnings[0]!.fields).toMatchObject({ field: 'host', problem: 'use a port from 1 to 65535' });
  });

  it('drops only a refused subdomain, keeping the host and auto-start', () => {
    saveRow('Not_Valid', 'http://127.0.0.1:9', true);
    const { log, warnings } = collectingLogger();
    const store = new TunnelSettingsStore(t.stores.db, () => t.clock.now(), log);
    expect(store.get()).toEqual({ subdomain: null, host: 'http://127.0.0.1:9', autoStart: true });
    expect(warnings.map((w) => w.fields?.field)).toEqual(['subdomain']);
  });
});
