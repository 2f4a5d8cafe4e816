// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { PreviewPanel } from '../../../renderer/src/features/compose/PreviewPanel';
import { builtRequest } from '../../helpers/built-request';

afterEach(cleanup);

const hosts = { publicUrls: ['http://mine.lt.test:4000'], serverHosts: ['http://lt.test:4000'] };

const previewLines = (url: string, headers: [string, string][] = []) => {
  render(<PreviewPanel built={builtRequest({ url, headers })} signingHeaders={[]} tunnelHosts={hosts} />);
  const lines = (screen.getByTestId('preview-text').textContent ?? '').split('\n');
  cleanup();
  return lines.filter((line) => /^bypass-tunnel-reminder:/i.test(line));
};

it('"Exactly what goes out" shows the bypass-tunnel-reminder the queue adds for a localtunnel URL, and only there', () => {
  expect(previewLines('https://someone.loca.lt/hook')).toEqual(['bypass-tunnel-reminder: 1']);
  expect(previewLines('http://other.lt.test:4000/hook')).toEqual(['bypass-tunnel-reminder: 1']);
  expect(previewLines('http://mine.lt.test:4000/hook')).toEqual(['bypass-tunnel-reminder: 1']);
  expect(previewLines('https://example.com/hook')).toEqual([]);
  expect(previewLines('http://other.lt.test:5000/hook')).toEqual([]);
  // One typed by the user goes out as typed, once.
  expect(previewLines('https://someone.loca.lt/hook', [['Bypass-Tunnel-Reminder', 'yes']])).toEqual([
    'Bypass-Tunnel-Reminder: yes',
  ]);
});
