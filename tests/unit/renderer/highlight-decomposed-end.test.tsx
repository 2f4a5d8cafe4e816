// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Highlight } from '../../../renderer/src/components/Highlight';

// Text is matched decomposed, so a query could stop partway through a character: `かき` met the `か`, `き` of `かぎ`
// (`ぎ` is `き` and a voicing mark) and marked `かぎ`, which the search never returns. A match may end only where a
// character's decomposition ends; the letters folding spells out (ß as ss, æ as ae) are still matched one by one.
afterEach(cleanup);

const marked = (text: string, query: string) => {
  const { container } = render(<Highlight text={text} query={query} />);
  return [...container.querySelectorAll('mark.hl')].map((m) => m.textContent);
};

describe('Highlight never ends a mark inside one character', () => {
  it('does not mark a voiced kana for the unvoiced one', () => {
    expect(marked('かぎ', 'かき')).toEqual([]);
    expect(marked('かぎ かき', 'かき')).toEqual(['かき']);
    expect(marked('パン', 'ハ')).toEqual([]);
    // A shorter term still marks what it finds where the longer one stopped inside a character.
    expect(marked('かぎ', 'かき か')).toEqual(['か']);
  });

  it('does not mark a Hangul syllable for the one its first jamo spell', () => {
    expect(marked('각', '가')).toEqual([]);
    expect(marked('가각', '가')).toEqual(['가']);
  });

  it('still marks a voiced kana typed as such, and ß for an s', () => {
    expect(marked('かぎ', 'かぎ')).toEqual(['かぎ']);
    expect(marked('Straße', 'stras')).toEqual(['Straß']);
    expect(marked('Œuvre', 'o')).toEqual(['Œ']);
  });
});
