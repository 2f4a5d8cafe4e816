// @vitest-environment happy-dom
import { connect } from 'node:net';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderDetailPane } from '../../helpers/detail-pane';
import { useEngineForUi } from '../../helpers/engine-for-ui';

// A real engine (in-process transport, SQLite in a temp dir) and a sender that leaves while the rule holds its answer.
const ui = useEngineForUi();
afterEach(cleanup);

describe('the Response tab of a capture whose response was never sent', () => {
  it('says "not sent", as the header does, not the status the rule would have answered', async () => {
    await ui.api.call('endpoints.create', {
      slug: 'held',
      name: 'Held',
      rule: {
        status: 200,
        headers: [],
        body: 'ok',
        delayMs: 60_000,
        behaviour: { kind: 'fail-first', count: 1, failStatus: 503 },
      },
    });
    const socket = connect(Number(new URL(ui.engine.receiverUrl).port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('POST /h/held/gone HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\na');
    const find = async () =>
      (await ui.api.call('captures.list', { limit: 20 })).items.find((c) => c.path === '/h/held/gone');
    await expect.poll(async () => (await find())?.responseStatus, { timeout: 5000 }).toBe(503);
    socket.destroy();
    await expect.poll(async () => (await find())?.responseStatus, { timeout: 5000 }).toBeNull();

    renderDetailPane(ui.api, (await find())!.id, 'response');
    const tab = await screen.findByRole('tab', { name: /^Response/ });
    expect(tab.getAttribute('aria-label')).toBe('Response, not sent');
    expect(tab.textContent).not.toContain('503');
  });
});
