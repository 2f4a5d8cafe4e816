// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MultipartView } from '../../../renderer/src/features/detail/MultipartView';
import { formatBytes } from '../../../renderer/src/lib/format';

/** Parts laid out at first and added per "Show more parts". */
const PARTS_CHUNK = 20;

afterEach(cleanup);

/** A multipart/form-data body of `count` text parts with hostile names, `size` characters each. */
function manyParts(count: number, size: number): Uint8Array {
  let text = '';
  for (let i = 0; i < count; i++)
    text +=
      `--B\r\nContent-Disposition: form-data; name="<b>f${i}</b>"; filename="<img src=x onerror=alert(${i})>.txt"\r\n` +
      `Content-Type: text/plain\r\n\r\n${String(i % 10).repeat(size)}\r\n`;
  return new TextEncoder().encode(`${text}--B--\r\n`);
}

describe('a multipart body of many parts', () => {
  it('lays out the first parts only, says how many, and adds more on asking', () => {
    const view = render(
      <MultipartView bytes={manyParts(200, 70_000)} contentType="multipart/form-data; boundary=B" query="" />,
    );
    const parts = () => view.container.querySelectorAll('[data-testid="multipart-part"]');
    expect(parts()).toHaveLength(PARTS_CHUNK);
    expect(view.getByTestId('multipart-partial').textContent).toContain(
      `Showing ${PARTS_CHUNK} of 200 parts`,
    );

    const first = parts()[0]!;
    expect(first.querySelector('.part-name')!.textContent).toBe('<b>f0</b>');
    expect(first.querySelector('.part-filename')!.textContent).toBe('<img src=x onerror=alert(0)>.txt');
    expect(first.textContent).toContain('text/plain');
    expect(first.textContent).toContain(formatBytes(70_000));
    expect(view.container.querySelector('b, img')).toBeNull();

    fireEvent.click(view.getByRole('button', { name: 'Show more parts' }));
    expect(parts()).toHaveLength(2 * PARTS_CHUNK);
    expect(parts()[2 * PARTS_CHUNK - 1]!.querySelector('.part-name')!.textContent).toBe(
      `<b>f${2 * PARTS_CHUNK - 1}</b>`,
    );
  });

  it('shows every part and no notice when there are few', () => {
    const view = render(
      <MultipartView
        bytes={manyParts(PARTS_CHUNK, 10)}
        contentType="multipart/form-data; boundary=B"
        query=""
      />,
    );
    expect(view.container.querySelectorAll('[data-testid="multipart-part"]')).toHaveLength(PARTS_CHUNK);
    expect(view.queryByTestId('multipart-partial')).toBeNull();
  });
});
