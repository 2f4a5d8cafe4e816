// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import { answerChunked } from '../../helpers/chunked-answer';
import { useDeliveryDetail } from '../../helpers/delivery-detail';

// A real engine (in-process transport, SQLite in a temp dir) and a destination streaming 5 MB chunked, with no
// Content-Length: reading stops at the 1 MB limit, so the bytes read are only a lower bound of the answer's size.

const { ui, deliver, showDetail } = useDeliveryDetail((req, res) =>
  req.resume().on('end', () => answerChunked(res, 200, 5 * 1024 * 1024)),
);

it('titles a chunked answer cut at the read limit "first … of at least …", not as if the bytes read were its size', async () => {
  const id = await deliver('/chunked');
  const [attempt] = (await ui.api.call('deliveries.get', { id })).attemptList;
  expect(attempt!.responseBodySizeUnknown).toBe(true);
  showDetail(id);
  fireEvent.click(await screen.findByRole('button', { name: 'Details of attempt 1' }));
  const read = attempt!.responseBodyBytes.toLocaleString();
  expect(await screen.findByText(`Response body (first 16,384 of at least ${read} bytes)`)).toBeTruthy();
});
