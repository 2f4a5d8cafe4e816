// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ProtectionEditor,
  protectionToDraft,
} from '../../../renderer/src/features/endpoints/ProtectionEditor';

afterEach(cleanup);

const showsTolerance = (scheme: 'standard-webhooks' | 'github' | 'stripe' | 'shopify' | 'hmac') => {
  const draft = { ...protectionToDraft({}), scheme, secret: 's' };
  const { queryByTestId } = render(<ProtectionEditor draft={draft} onChange={() => undefined} />);
  return queryByTestId('endpoint-verify-tolerance') !== null;
};

describe('the Tolerance field shows only for schemes that sign a timestamp', () => {
  it.each(['standard-webhooks', 'stripe', 'hmac'] as const)('%s: shown', (scheme) => {
    expect(showsTolerance(scheme)).toBe(true);
  });

  it.each(['github', 'shopify'] as const)('%s: hidden, since it signs the body alone', (scheme) => {
    expect(showsTolerance(scheme)).toBe(false);
  });
});
