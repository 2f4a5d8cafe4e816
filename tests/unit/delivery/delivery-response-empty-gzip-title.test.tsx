// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useDeliveryDetail } from '../../helpers/delivery-detail';

// A real engine (in-process transport, SQLite in a temp dir) and a destination that answers 204 labelled gzip: there is
// nothing to decode, and the title said the (empty) body was kept "as received: not decoded".

const { deliver, showDetail } = useDeliveryDetail((req, res) =>
  req.resume().on('end', () => {
    res.writeHead(204, { 'Content-Encoding': 'gzip' });
    res.end();
  }),
);

describe('a delivery answered with an empty body labelled gzip', () => {
  it('titles the response body plainly, neither decoded nor not decoded', async () => {
    const id = await deliver('/empty-gzip');
    showDetail(id);
    fireEvent.click(await screen.findByRole('button', { name: 'Details of attempt 1' }));
    const body = await screen.findByLabelText('Attempt 1 response body');
    expect(body.textContent).toBe('(empty)');
    expect(body.previousElementSibling?.textContent).toBe('Response body');
  });
});
