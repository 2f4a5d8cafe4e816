import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

const childKeys = (body: string, path: string) =>
  (node(decodeCapture(input(body)), path).children ?? []).map((c) => c.key);

describe('the Decoded tab lists a JSON body’s keys in the order they were sent', () => {
  it('keeps integer-like keys where the body wrote them, at every level', () => {
    const body = '{"zeta":1,"10":"ten","2":"two","alpha":{"b":1,"01":2,"1":3},"list":[{"9":0,"x":0}]}';
    expect(childKeys(body, '$')).toEqual(['zeta', '10', '2', 'alpha', 'list']);
    expect(childKeys(body, '$.alpha')).toEqual(['b', '01', '1']);
    expect(childKeys(body, '$.list[0]')).toEqual(['9', 'x']);
  });

  it('shows a repeated key once, at its first place, with the last object written for it', () => {
    const body = '{"b":{"7":1,"x":2},"3":0,"b":{"y":1,"5":2}}';
    expect(childKeys(body, '$')).toEqual(['b', '3']);
    expect(childKeys(body, '$.b')).toEqual(['y', '5']);
  });
});
