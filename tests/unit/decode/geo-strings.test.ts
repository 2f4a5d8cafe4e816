import { describe, expect, it } from 'vitest';
import { formatGeo } from '../../../electron/shared/decode/values';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

describe('Ortto geo lat/lng that are not plain numbers', () => {
  it('parses lat/lng sent as numeric strings, with a warning', () => {
    const f = formatGeo({ name: 'Kolkata', id: 0, lat: '37751000', lng: '-97822000' });
    expect(f.display).toBe('Kolkata (37.751000, -97.822000)');
    expect(f.details).toContain('lat 37751000 ÷ 1,000,000 = 37.751');
    expect(f.problems).toEqual(['Latitude/longitude sent as strings (expected integers).']);
  });

  it('shows unparseable lat/lng as sent with a warning instead of dropping them', () => {
    const f = formatGeo({ name: 'Nowhere', lat: 'north', lng: '-97822000' });
    expect(f.display).toBe('Nowhere (lat north, lng -97822000)');
    expect(f.problems).toEqual(['Expected lat and lng as integers ×1,000,000; shown as sent.']);
  });

  it('shows a lone lat as sent with a warning', () => {
    const f = formatGeo({ lat: 37751000 });
    expect(f.display).toBe('(lat 37751000, lng (none))');
    expect(f.problems).toEqual(['Expected lat and lng as integers ×1,000,000; shown as sent.']);
  });

  it('keeps numeric lat/lng as before', () => {
    const f = formatGeo({ name: 'Kolkata', id: 0, lat: 37751000, lng: -97822000 });
    expect(f.display).toBe('Kolkata (37.751000, -97.822000)');
    expect(f.problems).toEqual([]);
  });
});

describe('the decoded tree', () => {
  it('shows a geo field whose lat/lng came as strings', () => {
    const body = JSON.stringify({
      activity: { field_id: 'act::s-ce' },
      contact: { 'geo::city': { name: 'Kolkata', lat: '37751000', lng: '-97822000' } },
      webhook_id: 'w1',
    });
    const city = node(decodeCapture(input(body)), '$.contact["geo::city"]');
    expect(city.display).toBe('Kolkata (37.751000, -97.822000)');
  });
});
