// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { builtRequest } from '../../helpers/built-request';
import { DecodedRow } from '../../../renderer/src/features/decode/DecodedTree';
import { PreviewPanel } from '../../../renderer/src/features/compose/PreviewPanel';
import { input } from '../decode/helpers';

afterEach(cleanup);

// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const RAW = /[\u0000-\u0008\u000a-\u001f\u007f\u202e]/;

describe('the Decoded tree tooltips and labels', () => {
  it('write a control character and a right-to-left override as escapes, never raw', () => {
    const tree = decodeCapture(input('{"file\\u202eexe":"invoice\\u202efdp.exe\\u0000\\r\\nX: 1"}'))
      .sections[0]!;
    const { container } = render(
      <DecodedRow node={tree} depth={0} options={{ rawKeys: true, openDepth: 2 }} />,
    );
    const row = container.querySelector<HTMLElement>('.decoded-node .decoded-node')!;
    const attributes = [
      row.getAttribute('aria-label'),
      row.querySelector('.decoded-label')!.getAttribute('title'),
      row.querySelector('.decoded-value')!.getAttribute('title'),
      ...[...row.querySelectorAll('[title^="Copy"]')].map((el) => el.getAttribute('title')),
    ];
    expect(attributes.filter((a) => a === null)).toEqual([]);
    for (const attribute of attributes) expect(attribute).not.toMatch(RAW);
    expect(row.querySelector('.decoded-value')!.getAttribute('title')).toBe(
      '"invoiceU+202Efdp.exe\\u0000\\r\\nX: 1"',
    );
    expect(row.querySelector('.decoded-label')!.getAttribute('title')).toContain('U+202E');
  });
});

const built = builtRequest({ url: 'http://127.0.0.1:9/in' });

// The signing lines come from the engine (a validated header name, a computed value) but are drawn as any other line.
describe('"Exactly what goes out" for the signing lines', () => {
  it('shows their control characters and overrides as marks, never raw', () => {
    render(<PreviewPanel built={built} signingHeaders={[['X-Sig\u202e', 'v1=ab\u0000\r\nX-Injected: 1']]} />);
    const preview = screen.getByTestId('preview-text');
    for (const raw of ['\u0000', '\r', '\u202e']) expect(preview.textContent).not.toContain(raw);
    expect(preview.textContent).toContain('X-SigU+202E: v1=ab\\u0000\\r\\nX-Injected: 1\n');
    expect(preview.querySelectorAll('.http-signed .invisible-char')).toHaveLength(1);
  });
});
