// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuiltRequest } from '../../../electron/shared/send/outgoing';
import { builtRequest } from '../../helpers/built-request';
import { PreviewPanel } from '../../../renderer/src/features/compose/PreviewPanel';

afterEach(cleanup);

const built = builtRequest;

const previewLines = (request: BuiltRequest) => {
  render(<PreviewPanel built={request} signingHeaders={[]} />);
  return (screen.getByTestId('preview-text').textContent ?? '').split('\n');
};

describe('the composer preview shows the Host and Content-Length the HTTP client sends', () => {
  it('shows a Host header the user set once, in place of the URL host (which is not sent)', () => {
    const lines = previewLines(built({ headers: [['Host', 'hooks.example.com']] }));
    expect(lines.filter((l) => /^host:/i.test(l))).toEqual(['Host: hooks.example.com']);
  });

  it("shows the body's Content-Length, not one typed in the headers (the client replaces it)", () => {
    const body = Buffer.from('{"a":1}');
    const lines = previewLines(
      built({
        headers: [['Content-Length', '3']],
        bodyBase64: body.toString('base64'),
        bodyBytes: body.length,
        bodyText: '{"a":1}',
      }),
    );
    expect(lines.filter((l) => /^content-length:/i.test(l))).toEqual(['Content-Length: 7']);
  });

  it('shows Content-Length: 0 for an empty POST, PUT or PATCH, and none for an empty GET', () => {
    for (const method of ['POST', 'PUT', 'PATCH']) {
      expect(previewLines(built({ method }))).toContain('Content-Length: 0');
      cleanup();
    }
    const lines = previewLines(built({ method: 'GET' }));
    expect(lines.some((l) => /^content-length:/i.test(l))).toBe(false);
    expect(lines).toContain('Host: 127.0.0.1:8080');
  });
});
