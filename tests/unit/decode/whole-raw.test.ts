import { describe, expect, it } from 'vitest';
import { decodeCapture, findDecodedNode } from '../../../electron/shared/decode/index';
import { input } from './helpers';

const long = 'x'.repeat(4_000) + 'END';

describe('raw values cut for the tree, whole on request', () => {
  it('marks a JSON string value over 1,000 characters as clipped and gives it whole with fullRaw', () => {
    const body = JSON.stringify({ note: long, short: 'ok' });
    const node = findDecodedNode(decodeCapture(input(body)).sections, '$.note')!;
    expect(node.raw!.length).toBeLessThan(1_100);
    expect(node.rawClipped).toBe(true);
    expect(findDecodedNode(decodeCapture(input(body)).sections, '$.short')!.rawClipped).toBeUndefined();

    const whole = findDecodedNode(
      decodeCapture(input(body), undefined, { fullRaw: true }).sections,
      '$.note',
    )!;
    expect(whole.raw).toBe(JSON.stringify(long));
    expect(whole.rawClipped).toBeUndefined();
  });

  it('does the same for a form value and for a text body', () => {
    const form = `note=${long}&b=1`;
    const formNode = findDecodedNode(
      decodeCapture(input(form, 'application/x-www-form-urlencoded')).sections,
      '$.note',
    )!;
    expect(formNode.rawClipped).toBe(true);
    expect(
      findDecodedNode(
        decodeCapture(input(form, 'application/x-www-form-urlencoded'), undefined, { fullRaw: true })
          .sections,
        '$.note',
      )!.raw,
    ).toBe(long);

    const text = decodeCapture(input(long, 'text/plain'));
    expect(text.sections[0]!.rawClipped).toBe(true);
    expect(decodeCapture(input(long, 'text/plain'), undefined, { fullRaw: true }).sections[0]!.raw).toBe(
      long,
    );
  });

  it('finds nodes by path in any section and answers null for a path that is not there', () => {
    const result = decodeCapture(input('{"a":{"b c":[1,2]}}', 'application/json', 'x=1'));
    expect(findDecodedNode(result.sections, 'query.x')?.raw).toBe('1');
    expect(findDecodedNode(result.sections, '$.a["b c"][1]')?.raw).toBe('2');
    expect(findDecodedNode(result.sections, '$.nope')).toBeNull();
  });
});
