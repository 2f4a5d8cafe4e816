// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmulatedRequest } from '../../../electron/shared/send/emulators';
import { EmulatorPicker } from '../../../renderer/src/features/compose/EmulatorPicker';

afterEach(cleanup);

function mount() {
  const picked: EmulatedRequest[] = [];
  render(
    <EmulatorPicker
      contact={{ 'First Name': 'Ada' }}
      env={{}}
      url="http://127.0.0.1:9/ping"
      onPick={(request) => picked.push(request)}
      onClose={() => {}}
    />,
  );
  return picked;
}

const encodingLabels = () =>
  [...(screen.getByTestId('emulator-encoding') as HTMLSelectElement).options].map((o) => o.textContent);

describe('the emulator picker for the Ontraport Ping', () => {
  it('keeps the line breaks of pasted multi-line post data', () => {
    const picked = mount();
    fireEvent.change(screen.getByTestId('emulator-kind'), { target: { value: 'ontraport-ping' } });
    const field = screen.getByTestId('emulator-post-data');
    expect(field.tagName).toBe('TEXTAREA');
    const json = '{\n  "name": "[First Name]",\n  "source": "ping"\n}';
    fireEvent.change(field, { target: { value: json } });
    fireEvent.click(screen.getByTestId('emulator-apply'));
    expect(picked[0]?.body).toBe('{\n  "name": "Ada",\n  "source": "ping"\n}');
  });

  it('labels the form encoding by what each kind sends', () => {
    mount();
    fireEvent.change(screen.getByTestId('emulator-kind'), { target: { value: 'ontraport-sub_tag' } });
    expect(encodingLabels()[0]).toBe('form (event[type]=…)');
    fireEvent.change(screen.getByTestId('emulator-kind'), { target: { value: 'ontraport-ping' } });
    expect(encodingLabels()[0]).not.toContain('event[type]');
    expect(encodingLabels()[0]).toBe('form (label=value&…, as typed)');
  });
});
