// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MultipartView } from '../../../renderer/src/features/detail/MultipartView';

afterEach(cleanup);

describe('the multipart view', () => {
  it("names each part's Download button after its part, so a screen reader can tell them apart", () => {
    const body = [
      '--B',
      'Content-Disposition: form-data; name="note"',
      '',
      'hello',
      '--B',
      'Content-Disposition: form-data; name="file"; filename="inv\u202eoice.pdf"',
      'Content-Type: application/pdf',
      '',
      '%PDF',
      '--B--',
      '',
    ].join('\r\n');
    const { getAllByRole } = render(
      <MultipartView
        bytes={new TextEncoder().encode(body)}
        contentType="multipart/form-data; boundary=B"
        query=""
      />,
    );
    const names = getAllByRole('button')
      .filter((b) => b.textContent === 'Download')
      .map((b) => b.getAttribute('aria-label'));
    expect(names).toEqual(['Download part #1 (note)', 'Download part #2 (invU+202Eoice.pdf)']);
  });
});
