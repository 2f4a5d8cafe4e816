import { describe, expect, it } from 'vitest';
import { detectContentType } from '../../../electron/shared/send/content-type';
import {
  buildEmulatedRequest,
  emulatorKinds,
  ontraportContactFields,
} from '../../../electron/shared/send/emulators';
import { readSample } from './samples';

const nowMs = 1_514_940_140_000; // the samples' Ontraport timestamp
const hex = (n: number) => 'abcdef0123456789'.repeat(4).slice(0, n);
const mary = { id: '8', firstname: 'Mary', lastname: 'Smith', email: 'mary@example.com' };

/** Undo PHP-style bracket nesting: `event[type]=x` → `{ event: { type: 'x' } }`. */
function decodeBracketForm(body: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, '').split('[');
    let node = out;
    path.slice(0, -1).forEach((part) => {
      node = (node[part] ??= {}) as Record<string, unknown>;
    });
    node[path[path.length - 1] as string] = value;
  }
  return out;
}

const header = (headers: [string, string][], name: string) =>
  headers.find(([n]) => n.toLowerCase() === name)?.[1];

describe('Ontraport subscription emulators', () => {
  it('reproduces the lightweight samples byte for byte (form) and value for value (JSON)', () => {
    const cases = [
      ['ontraport-sub_tag', 'sub-tag-lightweight'],
      ['ontraport-unsub_tag', 'unsub-tag-lightweight'],
      ['ontraport-object_submits_form', 'object-submits-form-lightweight'],
    ] as const;
    for (const [kind, sample] of cases) {
      const form = buildEmulatedRequest(kind, {
        contact: mary,
        format: 'lightweight',
        encoding: 'form',
        nowMs,
      });
      expect(form.body).toBe(readSample(`ontraport-${sample}.form.txt`).trim());
      expect(header(form.headers, 'content-type')).toBe('application/x-www-form-urlencoded');
      expect(form.policy).toBe('ontraport');
      const json = buildEmulatedRequest(kind, {
        contact: mary,
        format: 'lightweight',
        encoding: 'json',
        nowMs,
      });
      expect(JSON.parse(json.body)).toEqual(JSON.parse(readSample(`ontraport-${sample}.json`)));
      expect(header(json.headers, 'content-type')).toBe('application/json');
      expect(decodeBracketForm(form.body)).toEqual(JSON.parse(json.body));
    }
  });

  it('notify format populates only the record id, with the full field list', () => {
    const request = buildEmulatedRequest('ontraport-sub_tag', {
      contact: mary,
      format: 'notify',
      encoding: 'json',
      nowMs,
      tagId: 4,
    });
    const payload = JSON.parse(request.body) as { data: Record<string, string> };
    const sample = JSON.parse(readSample('ontraport-sub-tag-notify.json')) as {
      data: Record<string, string>;
    };
    const standard = Object.keys(sample.data).filter((key) => !/^f\d+$/.test(key));
    expect(Object.keys(payload.data)).toEqual(standard);
    expect(Object.entries(payload.data).filter(([, v]) => v !== '')).toEqual([['id', '8']]);
  });

  it('default format carries every field of the record, custom fields included', () => {
    const contact = { ...mary, city: 'Santa Barbara', f1584: 'Gold' };
    const request = buildEmulatedRequest('ontraport-object_create', {
      contact,
      format: 'default',
      encoding: 'form',
      nowMs,
    });
    const payload = decodeBracketForm(request.body) as {
      event: Record<string, string>;
      data: Record<string, string>;
      timestamp: string;
    };
    expect(payload.event).toEqual({ type: 'object_create' });
    expect(payload.timestamp).toBe('1514940140');
    for (const field of ontraportContactFields) expect(payload.data).toHaveProperty(field);
    expect(payload.data).toMatchObject({
      id: '8',
      firstname: 'Mary',
      city: 'Santa Barbara',
      f1584: 'Gold',
      date: '1514940140',
    });
  });

  it('uses the tag and form ids it is given', () => {
    const tag = buildEmulatedRequest('ontraport-unsub_tag', { nowMs, tagId: 77, encoding: 'json' });
    expect(JSON.parse(tag.body).event).toEqual({ type: 'unsub_tag', tag_id: '77' });
    const form = buildEmulatedRequest('ontraport-object_submits_form', {
      nowMs,
      formId: 5,
      encoding: 'json',
    });
    expect(JSON.parse(form.body).event).toEqual({ type: 'object_submits_form', form_id: '5' });
  });

  it('Ping URL posts label=value pairs with merged, encoded values (seed 002)', () => {
    const request = buildEmulatedRequest('ontraport-ping', { contact: mary, nowMs });
    const sample = readSample('ontraport-ping-url-form-body.txt').trim().split('\n').pop();
    expect(request.body).toBe(sample);
    expect(detectContentType(request.body)).toBe('application/x-www-form-urlencoded');
    const custom = buildEmulatedRequest('ontraport-ping', {
      contact: { ...mary, 'First Name': 'Mary Ann' },
      nowMs,
      postData: 'Name=[First Name] [Last Name]&id=[Contact ID]',
      encoding: 'json',
    });
    expect(JSON.parse(custom.body)).toEqual({ Name: 'Mary Ann Smith', id: '8' });
  });
});

describe('Ortto emulators (seed 004 envelope)', () => {
  it('activity webhook has the documented envelope and typed attribute ids', () => {
    const request = buildEmulatedRequest('ortto-activity', { nowMs, randomHex: hex });
    const payload = JSON.parse(request.body);
    const sample = JSON.parse(readSample('ortto-activity-webhook-subscribed-to-email.json'));
    expect(Object.keys(payload)).toEqual(Object.keys(sample));
    expect(Object.keys(payload.activity)).toEqual(Object.keys(sample.activity));
    expect(payload.activity.field_id).toBe('act::s-all');
    expect(payload.activity.attr).toEqual(sample.activity.attr);
    expect(payload.activity.created).toBe('2018-01-03T00:42:20Z');
    expect(payload.time).toMatch(/^2018-01-03T00:42:20\.\d{9}Z$/);
    for (const id of [payload.id, payload.webhook_id, payload.contact.contact_id])
      expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(payload.contact.contact_id.startsWith('00')).toBe(true);
    expect(request.policy).toBe('ortto');
    expect(header(request.headers, 'content-type')).toBe('application/json');
  });

  it('clicked-email activity carries campaign attributes', () => {
    const payload = JSON.parse(
      buildEmulatedRequest('ortto-activity', { nowMs, activity: 'act::c', randomHex: hex }).body,
    );
    expect(payload.activity.field_id).toBe('act::c');
    expect(Object.keys(payload.activity.attr)).toEqual(
      expect.arrayContaining(['idt::c', 'str::cn', 'str::c', 'str::s']),
    );
  });

  it('takes contact fields only when the person has them', () => {
    const payload = JSON.parse(
      buildEmulatedRequest('ortto-activity', {
        nowMs,
        contact: { email: 'x@y.z', phone: '+61 401 234 567' },
        randomHex: hex,
      }).body,
    );
    expect(payload.contact).toEqual({
      contact_id: expect.stringMatching(/^00/),
      email: 'x@y.z',
      phone_number: { c: '61', n: '401234567' },
    });
  });

  it('keeps an Ortto contact id from the record, but not an Ontraport one', () => {
    const ortto = '0067a1c2d3e4f5a6b7c8d900';
    const kept = JSON.parse(
      buildEmulatedRequest('ortto-journey', { nowMs, contact: { contact_id: ortto, email: 'a@b' } }).body,
    );
    expect(kept.contact_id).toBe(ortto);
    const replaced = JSON.parse(
      buildEmulatedRequest('ortto-activity', { nowMs, contact: { 'Contact ID': '8', email: 'a@b' } }).body,
    );
    expect(replaced.contact.contact_id).toMatch(/^00[0-9a-f]{22}$/);
  });

  it('journey webhook has exactly the locked default keys', () => {
    const payload = JSON.parse(buildEmulatedRequest('ortto-journey', { nowMs, randomHex: hex }).body);
    expect(Object.keys(payload)).toEqual(Object.keys(JSON.parse(readSample('ortto-journey-webhook.json'))));
  });

  it('test webhook uses act::test_webhook', () => {
    const request = buildEmulatedRequest('ortto-test', { nowMs, randomHex: hex });
    expect(JSON.parse(request.body).activity.field_id).toBe('act::test_webhook');
    expect(request.description).toContain('test');
  });
});

describe('every emulator kind', () => {
  it.each(emulatorKinds)('%s produces a body matching its Content-Type', (kind) => {
    for (const encoding of ['json', 'form'] as const) {
      const request = buildEmulatedRequest(kind, { nowMs, encoding });
      expect(request.method).toBe('POST');
      expect(request.description.length).toBeGreaterThan(10);
      expect(detectContentType(request.body)).toBe(header(request.headers, 'content-type'));
    }
  });
});
