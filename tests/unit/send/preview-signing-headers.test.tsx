// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuiltRequest } from '../../../electron/shared/send/outgoing';
import { PreviewPanel } from '../../../renderer/src/features/compose/PreviewPanel';

afterEach(cleanup);

const built: BuiltRequest = {
  method: 'POST',
  url: 'https://hooks.example.com/in',
  headers: [
    ['Content-Type', 'application/json'],
    ['x-hub-signature-256', 'sha256=stale'],
  ],
  bodyBase64: Buffer.from('{}').toString('base64'),
  bodyBytes: 2,
  bodyText: '{}',
  contentType: 'application/json',
  contentTypeSource: 'user',
  looksLike: null,
  unresolved: [],
  errors: [],
  warnings: [],
};

describe('the composer preview of a capture opened with a stale signature, signed again', () => {
  it('shows the signature once: the fresh one replaces the stale one, as on send', () => {
    render(<PreviewPanel built={built} signingHeaders={[['X-Hub-Signature-256', 'sha256=fresh']]} />);
    const text = screen.getByTestId('preview-text').textContent ?? '';
    expect(text.match(/x-hub-signature-256/gi)).toHaveLength(1);
    expect(text).toContain('X-Hub-Signature-256: sha256=fresh');
    expect(text).not.toContain('stale');
    expect(text).toContain('Content-Type: application/json');
  });
});

describe('the composer preview of a capture that was itself a Hookscope delivery', () => {
  it("shows one X-Hookscope-Delivery, the one assigned on send: the queue replaces the capture's stale id", () => {
    const captured: BuiltRequest = {
      ...built,
      headers: [
        ['Content-Type', 'application/json'],
        ['x-hookscope-delivery', 'dlv_stale'],
      ],
    };
    render(<PreviewPanel built={captured} signingHeaders={[]} />);
    const text = screen.getByTestId('preview-text').textContent ?? '';
    expect(text.match(/x-hookscope-delivery/gi)).toHaveLength(1);
    expect(text).toContain('X-Hookscope-Delivery: <delivery id, assigned on send>');
    expect(text).not.toContain('dlv_stale');
  });
});
