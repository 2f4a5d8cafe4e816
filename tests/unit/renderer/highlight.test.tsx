// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Highlight } from '../../../renderer/src/components/Highlight';

afterEach(cleanup);

const marked = (text: string, query: string) => {
  const { container } = render(<Highlight text={text} query={query} />);
  return [...container.querySelectorAll('mark.hl')].map((m) => m.textContent);
};

describe('Highlight reads the query as the search does', () => {
  it('marks a quoted phrase as one run, also across a line break', () => {
    expect(marked('a two words b two', '"two words"')).toEqual(['two words']);
    expect(marked('"order":\n  "paid"', '"order paid"')).toEqual([]);
    expect(marked('order\n  paid', '"order paid"')).toEqual(['order\n  paid']);
  });

  it('marks both sides of OR and the words around AND, never the operators', () => {
    expect(marked('cats OR dogs AND birds or fish', 'cats OR dogs AND birds')).toEqual([
      'cats',
      'dogs',
      'birds',
    ]);
  });

  it('does not mark an excluded word, nor the text "-word"', () => {
    expect(marked('refund -refund paid', 'paid -refund')).toEqual(['paid']);
  });

  it('marks the stem of a starred word and keeps a leading OR as a word', () => {
    expect(marked('subscriptions', 'subscription*')).toEqual(['subscription']);
    expect(marked('OR gate', 'OR')).toEqual(['OR']);
  });
});

describe('Highlight marks what the search finds, folded as the index folds it', () => {
  it('marks ß for ss and ss for ß', () => {
    expect(marked('Hauptstraße 1', 'strasse')).toEqual(['straße']);
    expect(marked('Hauptstrasse 1', 'straße')).toEqual(['strasse']);
  });

  it('marks a word with diacritics for one typed without them, and full-width letters', () => {
    expect(marked('Herr Müller, Zoë', 'muller zoe')).toEqual(['Müller', 'Zoë']);
    expect(marked('Ｒｅｉｌｌｙ', 'reilly')).toEqual(['Ｒｅｉｌｌｙ']);
  });

  it('marks a word with marks in any script for one typed without them, as the search finds it', () => {
    expect(marked('Αθήνα, ёлка', 'αθηνα елка')).toEqual(['Αθήνα', 'ёлка']);
    expect(marked('قال مَرْحَبًا', 'مرحبا')).toEqual(['مَرْحَبًا']);
    expect(marked('שָׁלוֹם', 'שלום')).toEqual(['שָׁלוֹם']);
    expect(marked('مرحبًا!', 'مرحب')).toEqual(['مرحبً']);
  });

  it('marks each piece of a word mixing CJK with digits, as the search finds them apart', () => {
    expect(marked('東京 2024年', '東京2024')).toEqual(['東京', '2024']);
    expect(marked('注文ID12345の確認', '注文ID12345')).toEqual(['注文', 'ID12345']);
  });

  it('keeps the text around a mark as it was', () => {
    const { container } = render(<Highlight text="Hauptstraße 1" query="strasse" />);
    expect(container.textContent).toBe('Hauptstraße 1');
  });
});
