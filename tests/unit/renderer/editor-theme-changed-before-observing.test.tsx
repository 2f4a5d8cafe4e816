// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useEditorTheme } from '../../../renderer/src/components/code-editor/use-editor-theme';

afterEach(cleanup);

/** Turns the app light in its effect, which runs after its later sibling rendered and before that sibling's effects. */
function AppTurnsLight() {
  useEffect(() => {
    document.documentElement.dataset.theme = 'light';
  }, []);
  return null;
}

function Probe() {
  return <span data-testid="editor-theme">{useEditorTheme()}</span>;
}

describe("the code editor's theme", () => {
  it('follows an app theme that changed after the editor rendered but before it started watching', () => {
    document.documentElement.dataset.theme = 'dark';
    render(
      <>
        <AppTurnsLight />
        <Probe />
      </>,
    );
    expect(screen.getByTestId('editor-theme').textContent).toBe('hookscope-light');
  });
});
