import { expect, it } from 'vitest';
import { toFilter } from '../../../electron/cli/filter-flags';
import { UsageError } from '../../../electron/cli/io';
import { useTempStores } from '../../helpers/temp-stores';

const t = useTempStores();
const filter = (values: { method?: string[]; 'content-type'?: string[] }) =>
  toFilter(values, t.stores, Date.now());

it('--method takes a method in any case, and --content-type a media type, a family or none', () => {
  expect(filter({ method: ['post', 'GET'] }).methods).toEqual(['POST', 'GET']);
  expect(
    filter({ 'content-type': ['Application/JSON; charset=utf-8', 'text/*', 'none'] }).contentTypes,
  ).toEqual(['application/json', 'text/*', 'none']);
});

// Each of these matched no capture: export wrote nothing and tail showed nothing, with no word of why.
it.each(['', ' ', 'GET,POST', 'GET POST', 'POST;'])('--method refuses "%s", naming the flag', (method) => {
  expect(() => filter({ method: [method] })).toThrow(UsageError);
  expect(() => filter({ method: [method] })).toThrow(
    `--method: expected an HTTP method such as POST (repeat the flag for more than one), got "${method}"`,
  );
});

it.each([
  '',
  'json',
  '*/*',
  '*/json',
  'application/',
  '/json',
  'text/plain/x',
  'application/json,text/plain',
])('--content-type refuses "%s", naming the flag', (type) => {
  expect(() => filter({ 'content-type': [type] })).toThrow(UsageError);
  expect(() => filter({ 'content-type': [type] })).toThrow(
    `--content-type: expected a media type such as application/json, a family such as text/*, or none, got "${type}"`,
  );
});
