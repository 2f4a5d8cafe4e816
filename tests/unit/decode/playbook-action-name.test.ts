import { describe, expect, it } from 'vitest';
import { classifyCapture } from '../../../electron/shared/decode/index';
import { input } from './helpers';

const playbook = {
  webhook_id: 'w',
  contact_id: 'c',
  campaign_id: 'p',
  action_id: 'a',
  action_name: 'Send to CRM',
};

describe('a playbook webhook without shape_title', () => {
  it('is named from its action_name', () => {
    expect(classifyCapture(input(JSON.stringify(playbook)))).toEqual({
      vendor: 'Ortto',
      eventLabel: 'Journey/playbook webhook (Send to CRM)',
    });
  });

  it('is named from its action_name when it carries the triggering activity too', () => {
    const body = { ...playbook, activity: { id: 'x', field_id: 'act::ep', created: '2023-10-03T04:11:23Z' } };
    expect(classifyCapture(input(JSON.stringify(body))).eventLabel).toBe(
      'Journey/playbook webhook (Send to CRM)',
    );
  });

  it('a shape_title still names a journey webhook first', () => {
    const body = { ...playbook, shape_id: '4', shape_title: 'Notify CRM' };
    expect(classifyCapture(input(JSON.stringify(body))).eventLabel).toBe(
      'Journey/playbook webhook (Notify CRM)',
    );
  });
});
