// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { VisibleText } from '../../../renderer/src/components/VisibleText';
import { DecodedRow } from '../../../renderer/src/features/decode/DecodedTree';
import { input } from '../decode/helpers';

afterEach(cleanup);

/** The first string value's cell in the Decoded tree of a JSON body. */
function valueCell(body: string): HTMLElement {
  const tree = decodeCapture(input(body)).sections[0]!;
  const { container } = render(
    <DecodedRow node={tree} depth={0} options={{ rawKeys: true, openDepth: 2 }} />,
  );
  return container.querySelector<HTMLElement>('.decoded-node .decoded-node .decoded-value')!;
}

// A real NUL was escaped to the six characters `\u0000`, so it read exactly like a payload that typed them.
describe('the Decoded tree tells a control character from its typed escape', () => {
  it('marks a real NUL and ESC and leaves the typed backslashes as text', () => {
    const real = valueCell('{"v":"a\\u0000b\\u001b[2J"}');
    const typed = valueCell('{"v":"a\\\\u0000b\\\\u001b[2J"}');

    expect([...real.querySelectorAll('.control-char')].map((el) => el.textContent)).toEqual([
      '\\u0000',
      '\\u001b',
    ]);
    expect(real.textContent).not.toContain('\u0000');
    expect(real.textContent).not.toContain('\u001b');
    expect(typed.querySelector('.control-char')).toBeNull();
    expect(typed.textContent).toBe('a\\u0000b\\u001b[2J');
    expect(real.innerHTML).not.toBe(typed.innerHTML);
  });
});

describe('VisibleText', () => {
  it('marks C0 controls, DEL and a lone CR, and draws tab, newline and a CRLF line end', () => {
    const { container } = render(<VisibleText text={'a\tb\r\nc\rd\u007f\u0008e\n'} />);
    expect([...container.querySelectorAll('.control-char')].map((el) => el.textContent)).toEqual([
      '\\r',
      '\\u007f',
      '\\b',
    ]);
    expect(container.textContent).toBe('a\tb\r\nc\\rd\\u007f\\be\n');
  });
});
