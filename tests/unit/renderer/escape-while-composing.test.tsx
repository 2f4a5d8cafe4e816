// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Popover } from '../../../renderer/src/components/Popover';
import { useModalFocus } from '../../../renderer/src/components/use-modal-focus';

afterEach(cleanup);

/** An Escape keydown on the focused element; `composing` as an IME composition reports it. */
function pressEscape(composing: { isComposing?: boolean; keyCode?: number }) {
  act(() => {
    (document.activeElement ?? document.body).dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true, ...composing }),
    );
  });
}

function Dialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useModalFocus(ref, onClose);
  return (
    <div ref={ref} role="dialog" aria-modal="true">
      <input data-testid="field" />
    </div>
  );
}

describe('Escape that cancels an IME composition', () => {
  it.each([{ isComposing: true }, { keyCode: 229 }])('leaves a modal dialog open (%o)', (composing) => {
    let closed = 0;
    render(<Dialog onClose={() => closed++} />);
    screen.getByTestId('field').focus();
    pressEscape(composing);
    expect(closed).toBe(0);
    pressEscape({});
    expect(closed).toBe(1);
  });

  it.each([{ isComposing: true }, { keyCode: 229 }])('leaves a popover panel open (%o)', (composing) => {
    render(
      <Popover label="Open" testId="open">
        {() => <input data-testid="in-panel" />}
      </Popover>,
    );
    fireEvent.click(screen.getByTestId('open'));
    screen.getByTestId('in-panel').focus();
    pressEscape(composing);
    expect(screen.queryByTestId('in-panel')).not.toBeNull();
    pressEscape({});
    expect(screen.queryByTestId('in-panel')).toBeNull();
  });
});
