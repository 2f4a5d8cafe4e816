// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MultipartView } from '../../../renderer/src/features/detail/MultipartView';

afterEach(cleanup);

const contentType = 'multipart/form-data; boundary=B';

/** `count` text parts named `field-N` holding `filler`, except the ones given in `bodies` (by 0-based index). */
function parts(
  count: number,
  bodies: Record<number, string>,
  names: Record<number, string> = {},
): Uint8Array {
  let text = '';
  for (let i = 0; i < count; i++)
    text +=
      `--B\r\nContent-Disposition: form-data; name="${names[i] ?? `field-${i}`}"\r\n` +
      `Content-Type: text/plain\r\n\r\n${bodies[i] ?? 'filler'}\r\n`;
  return new TextEncoder().encode(`${text}--B--\r\n`);
}

const shownParts = (container: HTMLElement) =>
  [...container.querySelectorAll('[data-testid="multipart-part"] .part-index')].map((e) => e.textContent);

describe('a search match in a multipart part not laid out yet', () => {
  it('names the parts it is in and lays out through the first of them on asking', () => {
    const view = render(
      <MultipartView
        bytes={parts(60, { 26: 'the needle is here', 44: 'another Needle' })}
        contentType={contentType}
        query="needle"
      />,
    );
    expect(view.getByTestId('multipart-hidden-matches').textContent).toContain(
      'Also found in parts #27 and #45, not shown yet.',
    );
    expect(shownParts(view.container)).toHaveLength(20);

    fireEvent.click(view.getByRole('button', { name: 'Show through part #27' }));
    expect(shownParts(view.container)).toHaveLength(40);
    const part27 = view.container.querySelectorAll('[data-testid="multipart-part"]')[26]!;
    expect(part27.querySelector('mark')!.textContent).toBe('needle');
    expect(view.getByTestId('multipart-hidden-matches').textContent).toContain(
      'Also found in part #45, not shown yet.',
    );
  });

  it('counts a part whose name or file name matches', () => {
    const view = render(
      <MultipartView
        bytes={parts(30, {}, { 24: 'needle_field' })}
        contentType={contentType}
        query="needle"
      />,
    );
    expect(view.getByTestId('multipart-hidden-matches').textContent).toContain('part #25');
  });

  it('lists a few and counts the rest', () => {
    const bodies: Record<number, string> = {};
    for (let i = 20; i < 60; i++) bodies[i] = 'needle';
    const view = render(<MultipartView bytes={parts(60, bodies)} contentType={contentType} query="needle" />);
    expect(view.getByTestId('multipart-hidden-matches').textContent).toContain(
      'Also found in parts #21, #22, #23, #24, #25 and 35 more, not shown yet.',
    );
  });

  it('says nothing when the match is laid out already, or there is no search', () => {
    const bytes = parts(60, { 3: 'needle' });
    const shown = render(<MultipartView bytes={bytes} contentType={contentType} query="needle" />);
    expect(shown.queryByTestId('multipart-hidden-matches')).toBeNull();
    cleanup();
    const none = render(<MultipartView bytes={bytes} contentType={contentType} query="" />);
    expect(none.queryByTestId('multipart-hidden-matches')).toBeNull();
  });
});
