// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { DecodedRow } from '../../../renderer/src/features/decode/DecodedTree';
import { JsonTree } from '../../../renderer/src/features/detail/JsonTree';
import { tryParseJson } from '../../../renderer/src/lib/json-normalize';
import { input } from '../decode/helpers';

afterEach(cleanup);

// An empty key, keys that differ from `name` only by whitespace, and one that tries to fake the quoting.
const BODY = '{"":"empty","name ":"a"," name":"b","name":"c","\\"name \\"":"d","<b>x</b> ":"e"}';

const labels = (container: HTMLElement, selector: string) =>
  [...container.querySelectorAll(selector)].map((el) => el.textContent);

describe('keys that would look blank or like another key', () => {
  it('names the empty key and quotes surrounding whitespace in the Body Pretty view', () => {
    const parsed = tryParseJson(BODY);
    const { container } = render(<JsonTree value={parsed.ok ? parsed.value : null} />);
    expect(labels(container, '.json-key')).toEqual([
      '(empty key): ',
      '"name ": ',
      '" name": ',
      'name: ',
      '"\\"name \\"": ',
      '"<b>x</b> ": ',
    ]);
    expect(container.querySelector('.json-key .key-empty.muted')?.textContent).toBe('(empty key)');
    expect(container.querySelector('b')).toBeNull();
  });

  it('names the empty key and quotes surrounding whitespace in the Decoded tree, raw keys or labels', () => {
    const body = decodeCapture(input(BODY)).sections[0]!;
    for (const rawKeys of [true, false]) {
      const { container, unmount } = render(
        <DecodedRow node={body} depth={0} options={{ rawKeys, openDepth: 2 }} />,
      );
      expect(labels(container, '.decoded-node .decoded-node .decoded-label')).toEqual([
        '(empty key)',
        '"name "',
        '" name"',
        'name',
        '"\\"name \\""',
        '"<b>x</b> "',
      ]);
      expect(container.querySelector('.decoded-label .key-empty.muted')).not.toBeNull();
      expect(container.querySelector('b')).toBeNull();
      unmount();
    }
  });
});

// A line break inside a key drew it as two lines (`l` with no value, then `m: 5`); ESC and NUL drew as nothing.
const CONTROLS = '{"l\\nm":5,"k\\u001b[2Jey":1,"a\\u0000b":3,"ab":4,"t\\tab":6}';

describe('keys with a control character inside', () => {
  const written = ['"l\\nm"', '"k\\u001b[2Jey"', '"a\\u0000b"', 'ab', '"t\\tab"'];

  it('are written as JSON strings in the Body Pretty view', () => {
    const parsed = tryParseJson(CONTROLS);
    const { container } = render(<JsonTree value={parsed.ok ? parsed.value : null} />);
    expect(labels(container, '.json-key')).toEqual(written.map((k) => `${k}: `));
  });

  it('are written as JSON strings in the Decoded tree, raw keys or labels', () => {
    const body = decodeCapture(input(CONTROLS)).sections[0]!;
    for (const rawKeys of [true, false]) {
      const { container, unmount } = render(
        <DecodedRow node={body} depth={0} options={{ rawKeys, openDepth: 2 }} />,
      );
      expect(labels(container, '.decoded-node .decoded-node .decoded-label')).toEqual(written);
      unmount();
    }
  });
});
