// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { VisibleText, visibleAttribute } from '../../../renderer/src/components/VisibleText';
import { escapeControls } from '../../../electron/shared/control-escapes';

afterEach(cleanup);

// A header value is read as Latin-1, so a raw byte 0x85 or 0x9b reaches the page as the C1 control U+0085 / U+009B,
// which a browser draws as nothing: `1<NEL>2` would read as `12`.
describe('C1 control characters (U+0080–U+009F)', () => {
  it('are written as escapes, as C0 controls are', () => {
    expect(escapeControls('1\u00852\u009b[31m\u0080')).toBe('1\\u00852\\u009b[31m\\u0080');
    expect(visibleAttribute('a\u0085b')).toBe('a\\u0085b');
  });

  it('are drawn as marked escapes; Latin-1 letters just above them are drawn', () => {
    const { container } = render(<VisibleText text={'1\u00852 é\u00a0ÿ'} />);
    expect(container.textContent).toBe('1\\u00852 é\u00a0ÿ');
    expect(container.querySelector('.control-char')?.getAttribute('title')).toBe('CONTROL CHARACTER U+0085');
  });
});
