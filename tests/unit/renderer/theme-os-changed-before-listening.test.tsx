// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';

afterEach(cleanup);

interface HappyDomWindow {
  happyDOM: { settings: { device: { prefersColorScheme: 'light' | 'dark' } } };
}

function setOsScheme(scheme: 'light' | 'dark'): void {
  (window as unknown as HappyDomWindow).happyDOM.settings.device.prefersColorScheme = scheme;
}

/** Turns the OS light in its effect, which runs after its later sibling rendered and before that sibling's effects. */
function OsTurnsLight() {
  useEffect(() => setOsScheme('light'), []);
  return null;
}

describe('following the OS theme', () => {
  it('shows the OS theme that changed after the first render but before the change listener was attached', async () => {
    setOsScheme('dark');
    // The theme module reads the OS preference through a MediaQueryList made when it loads.
    const { useTheme } = await import('../../../renderer/src/state/theme');
    function Probe() {
      return <span data-testid="resolved">{useTheme().resolved}</span>;
    }
    render(
      <>
        <OsTurnsLight />
        <Probe />
      </>,
    );
    expect(window.matchMedia('(prefers-color-scheme: dark)').matches).toBe(false);
    expect(screen.getByTestId('resolved').textContent).toBe('light');
    expect(document.documentElement.dataset.theme).toBe('light');
  });
});
