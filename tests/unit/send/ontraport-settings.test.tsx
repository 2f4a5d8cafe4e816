// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { OntraportSettings } from '../../../renderer/src/features/compose/OntraportSettings';

afterEach(cleanup);

const noop = () => {};
const shown = (testId: string) => (screen.getByTestId(testId) as HTMLInputElement).value;

describe('the Ontraport settings numbers', () => {
  it('show a value changed from elsewhere (a saved webhook loaded, another preset) at once, not after a blur', () => {
    const { rerender } = render(
      <OntraportSettings value={{ requestsPerMinute: 60, retries: 3 }} onChange={noop} />,
    );
    rerender(<OntraportSettings value={{ requestsPerMinute: 250, retries: 0 }} onChange={noop} />);
    expect(shown('compose-ontraport-rate')).toBe('250');
    expect(shown('compose-ontraport-retries')).toBe('0');
  });

  it('replace a half-typed invalid number when the value changes from elsewhere', () => {
    const { rerender } = render(
      <OntraportSettings value={{ requestsPerMinute: 60, retries: 3 }} onChange={noop} />,
    );
    fireEvent.change(screen.getByTestId('compose-ontraport-retries'), { target: { value: '' } });
    expect(screen.getByTestId('compose-ontraport-retries-error')).toBeTruthy();
    rerender(<OntraportSettings value={{ requestsPerMinute: 60, retries: 5 }} onChange={noop} />);
    expect(shown('compose-ontraport-retries')).toBe('5');
    expect(screen.queryByTestId('compose-ontraport-retries-error')).toBeNull();
  });

  it('keep what is being typed when it is the value just applied', () => {
    let value = { requestsPerMinute: 60, retries: 3 };
    const { rerender } = render(<OntraportSettings value={value} onChange={(next) => (value = next)} />);
    fireEvent.change(screen.getByTestId('compose-ontraport-rate'), { target: { value: '0120' } });
    expect(value.requestsPerMinute).toBe(120);
    rerender(<OntraportSettings value={value} onChange={(next) => (value = next)} />);
    expect(shown('compose-ontraport-rate')).toBe('0120');
  });
});

describe('the Ontraport settings numbers, typed', () => {
  it('take thousands groups, as their hint writes them, and refuse other notations', () => {
    let value = { requestsPerMinute: 60, retries: 3 };
    render(<OntraportSettings value={value} onChange={(next) => (value = next)} />);
    const rate = screen.getByTestId('compose-ontraport-rate');
    fireEvent.change(rate, { target: { value: '100,000' } });
    expect(value.requestsPerMinute).toBe(100_000);
    expect(screen.queryByTestId('compose-ontraport-rate-error')).toBeNull();
    for (const typed of ['1e3', '0x10', '1,0000']) {
      fireEvent.change(rate, { target: { value: typed } });
      expect(value.requestsPerMinute).toBe(100_000);
      expect(screen.getByTestId('compose-ontraport-rate-error')).toBeTruthy();
    }
  });
});
