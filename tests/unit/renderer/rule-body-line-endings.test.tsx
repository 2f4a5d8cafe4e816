// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import {
  RuleEditor,
  ruleToDraft,
  switchBodyEncoding,
  type RuleDraft,
} from '../../../renderer/src/features/endpoints/RuleEditor';

afterEach(cleanup);

const crlfBody = '--b\r\nContent-Disposition: form-data; name="ok"\r\n\r\ntrue\r\n--b--\r\n';

it('editing a rule body written with CRLF keeps its line breaks as CRLF (a textarea reads them back as LF)', () => {
  const draft = ruleToDraft({
    status: 200,
    headers: [],
    body: crlfBody,
    delayMs: 0,
    behaviour: { kind: 'fixed' },
  });
  const changes: RuleDraft[] = [];
  render(<RuleEditor draft={draft} onChange={(d) => changes.push(d)} />);
  const shown = crlfBody.replace(/\r\n/g, '\n');
  fireEvent.change(screen.getByTestId('rule-body'), { target: { value: shown.replace('true', 'false') } });
  expect(changes.at(-1)?.body).toBe(crlfBody.replace('true', 'false'));
});

it('bytes switched from base64 to text keep their CRLF when a word is edited', () => {
  const base64 = Buffer.from(crlfBody).toString('base64');
  const text = switchBodyEncoding(base64, 'utf8');
  const draft: RuleDraft = {
    ...ruleToDraft({ status: 200, headers: [], body: text, delayMs: 0, behaviour: { kind: 'fixed' } }),
  };
  const changes: RuleDraft[] = [];
  render(<RuleEditor draft={draft} onChange={(d) => changes.push(d)} />);
  fireEvent.change(screen.getByTestId('rule-body'), {
    target: { value: text.replace(/\r\n/g, '\n').replace('"ok"', '"fine"') },
  });
  expect(changes.at(-1)?.body).toBe(crlfBody.replace('"ok"', '"fine"'));
});
