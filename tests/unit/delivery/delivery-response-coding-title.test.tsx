// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useDeliveryDetail } from '../../helpers/delivery-detail';

// A real engine (in-process transport, SQLite in a temp dir) and a destination that answers in a coding Hookscope
// does not undo: the engine keeps the bytes as received, and the title said they were decoded.

const { deliver, showDetail } = useDeliveryDetail((req, res) =>
  req.resume().on('end', () => {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Encoding': 'compress' });
    res.end('kept as received');
  }),
);

describe('a delivery answered in a Content-Encoding the engine does not undo', () => {
  it('titles the response body as received, not decoded', async () => {
    const id = await deliver('/compress');
    showDetail(id);
    fireEvent.click(await screen.findByRole('button', { name: 'Details of attempt 1' }));
    await screen.findByText(/^Response body \(/);
    const text = document.body.textContent ?? '';
    expect(text).toContain('sent as compress');
    expect(text).toContain('as received: not decoded');
    expect(text).not.toContain('kept, decoded');
  });
});
