// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MultipartView } from '../../../renderer/src/features/detail/MultipartView';

afterEach(cleanup);

const part = (disposition: string) =>
  `--B\r\nContent-Disposition: form-data${disposition}\r\nContent-Type: text/plain\r\n\r\nv\r\n`;

// `name=""` had a blank name cell, and `name="a "` read as `a`, unlike the same names in the Query and Form tables.
describe('multipart part names that would look like another name', () => {
  it('are written as in the Query and Form tables: the empty name is named', () => {
    const body = [part('; name=""'), part('; name="a "'), part('; name="a"'), part(''), '--B--\r\n'].join('');
    const { container } = render(
      <MultipartView
        bytes={new TextEncoder().encode(body)}
        contentType="multipart/form-data; boundary=B"
        query=""
      />,
    );
    const names = [...container.querySelectorAll('.part-name')].map((n) => n.textContent);
    expect(names).toEqual(['(empty key)', '"a "', 'a', '(no name)']);
  });
});
