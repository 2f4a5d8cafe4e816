// @vitest-environment happy-dom
import { cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderMultipartText } from '../../helpers/multipart-view';

afterEach(cleanup);

const part = (disposition: string) =>
  `--B\r\nContent-Disposition: form-data${disposition}\r\nContent-Type: text/plain\r\n\r\nv\r\n`;

// `name=""` had a blank name cell, and `name="a "` read as `a`, unlike the same names in the Query and Form tables.
describe('multipart part names that would look like another name', () => {
  it('are written as in the Query and Form tables: the empty name is named', () => {
    const body = [part('; name=""'), part('; name="a "'), part('; name="a"'), part(''), '--B--\r\n'].join('');
    const { container } = renderMultipartText(body);
    const names = [...container.querySelectorAll('.part-name')].map((n) => n.textContent);
    expect(names).toEqual(['(empty key)', '"a "', 'a', '(no name)']);
  });
});
