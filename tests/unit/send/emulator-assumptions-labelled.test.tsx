// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { emulateUsage } from '../../../electron/cli/commands/emulate';
import { DEFAULT_TIMEOUT_MS } from '../../../electron/engine/delivery/new-delivery';
import {
  decide,
  ONTRAPORT_RETRY_WAIT_MS,
  policySpec,
  RETRY_AFTER_CAP_MS,
} from '../../../electron/engine/delivery/retry-policy';
import { EmulatorPicker } from '../../../renderer/src/features/compose/EmulatorPicker';

afterEach(cleanup);

/** What the emulation does that seeds 000–004 do not say: each must be labelled as assumed where it is offered. */
const assumed = {
  ortto: [
    'network error or timeout is retried',
    `times out after ${DEFAULT_TIMEOUT_MS / 1000} s`,
    'Retry-After longer than the scheduled wait is honoured, up to a day',
  ],
  ontraport: [
    `retries are one minute apart`,
    'Retry-After longer than the scheduled wait is honoured, up to a day',
    'only 2xx counts as delivered',
    '3 retries and 60 requests a minute',
  ],
  subscription: ['subscription wire format is undocumented'],
};

describe('the emulators label what the vendor documents do not say as assumed', () => {
  it('the figures labelled are the ones the engine uses', () => {
    expect(ONTRAPORT_RETRY_WAIT_MS).toBe(60_000);
    expect(RETRY_AFTER_CAP_MS).toBe(86_400_000);
    // Neither vendor's document mentions Retry-After, yet both emulations wait for a longer one.
    const twoHours = 7_200_000;
    for (const vendor of ['ortto', 'ontraport'] as const)
      expect(decide(policySpec(vendor), 1, { status: 503, retryAfterMs: twoHours })).toMatchObject({
        waitMs: twoHours,
        reason: 'HTTP 503; Retry-After honoured',
      });
  });

  it('hookscope emulate --help lists every assumption under "Assumed"', () => {
    const section = emulateUsage.slice(emulateUsage.indexOf('Assumed, not in the vendors'));
    // Was: the help said only "delivered with that platform's retry policy".
    expect(section).not.toBe('');
    for (const text of [...assumed.ortto, ...assumed.ontraport, ...assumed.subscription])
      expect(section).toContain(text);
  });

  it("the picker shows the chosen kind's assumptions", () => {
    render(<EmulatorPicker contact={{}} env={{}} url="" onPick={() => {}} onClose={() => {}} />);
    const note = () => screen.getByTestId('emulator-assumptions').textContent ?? '';
    expect(note()).toMatch(/^Assumed, not in the vendor.s documents: /);
    for (const text of assumed.ortto) expect(note()).toContain(text);
    fireEvent.change(screen.getByTestId('emulator-kind'), { target: { value: 'ontraport-sub_tag' } });
    for (const text of [...assumed.ontraport, ...assumed.subscription]) expect(note()).toContain(text);
    fireEvent.change(screen.getByTestId('emulator-kind'), { target: { value: 'ontraport-ping' } });
    for (const text of assumed.ontraport) expect(note()).toContain(text);
    expect(note()).not.toContain(assumed.subscription[0]);
  });
});
