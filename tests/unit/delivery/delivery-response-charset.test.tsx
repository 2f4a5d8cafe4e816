// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useDeliveryDetail } from '../../helpers/delivery-detail';

// A real engine (in-process transport, SQLite in a temp dir) and a destination that answers in Latin-1.

const { deliver, showDetail } = useDeliveryDetail((req, res) =>
  req.resume().on('end', () => {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=iso-8859-1' });
    res.end(Buffer.from('Reçu: café crème', 'latin1'));
  }),
);

describe('a delivery answered in the charset its Content-Type declares', () => {
  it('shows the response body as that text, not as UTF-8 replacement characters', async () => {
    const id = await deliver('/latin1');
    showDetail(id);
    const cells = await screen.findAllByText(/Re.u: caf. cr.me/);
    expect(cells.map((c) => c.textContent)).toContain('Reçu: café crème');
    expect(document.body.textContent).not.toContain('\ufffd');
  });
});
