// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { RuleEditor, ruleToDraft } from '../../../renderer/src/features/endpoints/RuleEditor';

afterEach(cleanup);

const draft = (failPercent: string) => ({
  ...ruleToDraft({
    status: 200,
    headers: [],
    body: 'ok',
    delayMs: 0,
    behaviour: { kind: 'failure-rate', percent: 50, failStatus: 404 },
  }),
  failPercent,
});

it('a failure rate of 0% gets no Ortto note: it never answers the status Ortto would give up on', () => {
  for (const zero of ['0', '0.0', ' 00 ']) {
    render(<RuleEditor draft={draft(zero)} onChange={() => undefined} />);
    expect(screen.queryByTestId('rule-ortto-note')).toBeNull();
    cleanup();
  }
});

it('any other failure rate with a status Ortto never retries still gets it', () => {
  for (const some of ['0.5', '10', '100', '']) {
    render(<RuleEditor draft={draft(some)} onChange={() => undefined} />);
    expect(screen.getByTestId('rule-ortto-note').textContent).toMatch(/^Ortto never retries 404:/);
    cleanup();
  }
});
