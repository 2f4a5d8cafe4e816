import { describe, expect, it } from 'vitest';
import { formTree, parseForm } from '../../../electron/shared/decode/body';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

const tree = (body: string) => JSON.parse(JSON.stringify(parseForm(body).value)) as unknown;

describe('PHP-style [] keys in form bodies', () => {
  it('start a new element each time [] appears, as parse_str does', () => {
    expect(tree('e[][f]=1&e[][f]=2')).toEqual({ e: [{ f: '1' }, { f: '2' }] });
    expect(tree('e[][f]=1&e[][g]=2')).toEqual({ e: [{ f: '1' }, { g: '2' }] });
    expect(tree('a[]=1&a[]=2')).toEqual({ a: ['1', '2'] });
    expect(tree('m[][]=1&m[][]=2')).toEqual({ m: [['1'], ['2']] });
    expect(tree('d[x][][k]=1&d[x][][k]=2&d[y]=3')).toEqual({ d: { x: [{ k: '1' }, { k: '2' }], y: '3' } });
  });

  it('show as a list of objects in the Decoded tab', () => {
    const r = decodeCapture(input('e[][f]=1&e[][f]=2', 'application/x-www-form-urlencoded'));
    expect(node(r, '$.e[0].f').display).toBe('1');
    expect(node(r, '$.e[1].f').display).toBe('2');
  });

  it('keep a scalar that is later used as a list under its flat key', () => {
    expect(
      JSON.parse(
        JSON.stringify(
          formTree([
            ['n', '1'],
            ['n[][f]', '2'],
          ]),
        ),
      ),
    ).toEqual({ n: '1', 'n[][f]': '2' });
  });
});
