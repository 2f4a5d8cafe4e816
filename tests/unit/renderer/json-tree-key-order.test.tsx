// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyView } from '../../../renderer/src/features/detail/BodyView';

afterEach(cleanup);

const keysShown = (json: string) => {
  const { container } = render(
    <BodyView bytes={new TextEncoder().encode(json)} contentType="application/json" query="" />,
  );
  return [...container.querySelectorAll('[data-testid="json-tree"] .json-key')].map((k) =>
    k.textContent!.replace(/: $/, ''),
  );
};

describe('the Body tab JSON tree keeps the key order the body was sent in', () => {
  it('shows integer-like keys where they were written, not first in numeric order', () => {
    expect(
      keysShown('{"zeta":1,"10":"ten","2":"two","alpha":{"b":1,"01":2,"1":3},"list":[{"9":0,"x":0}]}'),
    ).toEqual(['zeta', '10', '2', 'alpha', 'b', '01', '1', 'list', '0', '9', 'x']);
  });

  it('shows a repeated key once, at its first place, with the last object written for it', () => {
    expect(keysShown('{"b":{"7":1,"x":2},"3":0,"b":{"y":1,"5":2}}')).toEqual(['b', 'y', '5', '3']);
  });
});
