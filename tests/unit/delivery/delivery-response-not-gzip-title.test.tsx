// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { responseBodyTitle } from '../../../renderer/src/features/deliveries/response-body-title';
import { useDeliveryDetail } from '../../helpers/delivery-detail';

// A real engine (in-process transport, SQLite in a temp dir) and a destination that labels plain text as gzip: the
// engine cannot undo the coding and keeps the bytes as received, and the title said they were decoded.

const { ui, deliver, showDetail } = useDeliveryDetail((req, res) =>
  req.resume().on('end', () => {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip' });
    res.end('plain text, not gzip');
  }),
);

describe('a delivery answered with bytes its Content-Encoding cannot undo', () => {
  it('keeps the bytes as received and titles them so, not decoded', async () => {
    const id = await deliver('/not-gzip');
    const [attempt] = (await ui.api.call('deliveries.get', { id })).attemptList;
    expect(Buffer.from(attempt!.responseBodyBase64, 'base64').toString()).toBe('plain text, not gzip');
    showDetail(id);
    fireEvent.click(await screen.findByRole('button', { name: 'Details of attempt 1' }));
    await screen.findByText(/^Response body \(/);
    const text = document.body.textContent ?? '';
    expect(text).toContain('sent as gzip');
    expect(text).toContain('as received: not decoded');
    expect(text).not.toContain('kept, decoded');
  });
});

describe('an attempt recorded before the engine kept whether it decoded the body', () => {
  it('is titled by its coding alone, as before', () => {
    const title = responseBodyTitle({
      responseBodyBase64: Buffer.from('hello').toString('base64'),
      responseBodyBytes: 25,
      responseHeaders: [['Content-Encoding', 'gzip']],
      responseBodyDecoded: null,
      responseBodySizeUnknown: false,
    });
    expect(title).toBe('Response body (sent as gzip, 25 bytes on the wire; 5 bytes kept, decoded)');
  });
});
