// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorBoundary } from '../../../renderer/src/components/ErrorBoundary';
import { UndoToast } from '../../../renderer/src/features/captures/UndoToast';
import { ComposeView } from '../../../renderer/src/features/compose/ComposeView';
import { PasteCurl } from '../../../renderer/src/features/compose/PasteCurl';
import { DecodedView } from '../../../renderer/src/features/decode/DecodedView';
import { DictionaryBrowser } from '../../../renderer/src/features/decode/DictionaryBrowser';
import { LoopConfirm } from '../../../renderer/src/features/deliveries/LoopConfirm';
import { NewCollectionForm } from '../../../renderer/src/features/deliveries/NewCollectionForm';
import { DiffView } from '../../../renderer/src/features/diff/DiffView';
import { SettingsPanel } from '../../../renderer/src/features/settings/SettingsPanel';
import { writeHash } from '../../../renderer/src/state/hash-state';
import { expectMarked, HOSTILE, useHostileEngineForUi } from '../../helpers/hostile-messages-ui';

// Errors and notices may quote what a user typed or a sender wrote (a URL, a name, a header value): a direction
// override or a control character in them must show as a mark, never reorder or hide the text around it.

// Registered before useHostileEngineForUi's afterEach: hooks run last-registered first, so this runs after the unmount.
afterEach(() => writeHash((p) => p.delete('capture')));
const { hostile, mount } = useHostileEngineForUi();

const nothing = () => undefined;

describe('messages quoting hostile text show its invisible characters as marks', () => {
  it('in the settings that could not be loaded', async () => {
    hostile.add('settings.get');
    const { container } = mount(<SettingsPanel onDone={nothing} />);
    await waitFor(() => expect(container.textContent).not.toContain('Loading…'));
    expectMarked(container.textContent);
  });

  it('in the diff whose captures could not be read', async () => {
    hostile.add('captures.get');
    mount(<DiffView leftId={1} rightId={2} onClose={nothing} />);
    expectMarked((await screen.findByTestId('diff-error')).textContent);
  });

  it('in the composer opened from a capture that could not be read', async () => {
    hostile.add('captures.get');
    writeHash((p) => p.set('capture', '1'));
    mount(<ComposeView />);
    expectMarked((await screen.findByTestId('compose-from-error')).textContent);
  });

  it('in a pasted command that is not curl', async () => {
    mount(<PasteCurl onParsed={nothing} onClose={nothing} />);
    fireEvent.change(screen.getByRole('textbox'), { target: { value: `${HOSTILE} https://example.test/` } });
    fireEvent.click(screen.getByTestId('paste-curl-apply'));
    expectMarked((await screen.findByTestId('paste-curl-error')).textContent);
  });

  it('in a collection the engine refused to create', async () => {
    mount(
      <NewCollectionForm taken={[]} create={() => Promise.reject(new Error(HOSTILE))} onClose={nothing} />,
    );
    fireEvent.change(screen.getByLabelText('Collection name'), { target: { value: 'Orders' } });
    fireEvent.click(screen.getByText('Create'));
    expectMarked((await screen.findByTestId('new-collection-error')).textContent);
  });

  it("in the undo toast's error and its later failure", async () => {
    const toast = (pending: { error: string | null; failure?: string }) =>
      mount(
        <UndoToast
          pending={{ ids: [1], deleted: 1, ...pending }}
          onUndo={nothing}
          onDismiss={nothing}
          onButtonGone={nothing}
        />,
      );
    toast({ error: `Could not undo: ${HOSTILE}` });
    expectMarked(screen.getByTestId('undo-toast').textContent);
    cleanup();
    const { container } = toast({ error: null, failure: `Could not delete: ${HOSTILE}` });
    await waitFor(() => expect(container.querySelector('.notice-error')).not.toBeNull());
    expectMarked(container.querySelector('.notice-error')!.textContent);
  });

  it('in a capture that could not be decoded', async () => {
    hostile.add('decode.capture');
    mount(<DecodedView captureId={1} />);
    expectMarked((await screen.findByRole('alert')).textContent);
  });

  it('in a dictionary that could not be loaded', async () => {
    hostile.add('dictionary.entries');
    const { container } = mount(<DictionaryBrowser />);
    await waitFor(() => expect(container.querySelector('.notice-error')).not.toBeNull());
    expectMarked(container.querySelector('.notice-error')!.textContent);
  });

  it("in the loop guard's refusal", () => {
    mount(<LoopConfirm message={HOSTILE} onConfirm={nothing} testId="loop" confirmTestId="loop-send" />);
    expectMarked(screen.getByTestId('loop').textContent);
  });

  it('in a panel that failed to render', () => {
    const Broken = () => {
      throw new Error(HOSTILE);
    };
    mount(
      <ErrorBoundary label="Detail">
        <Broken />
      </ErrorBoundary>,
    );
    expectMarked(screen.getByRole('alert').textContent);
  });

  it("in a pasted command's warnings, which quote it", async () => {
    mount(<PasteCurl onParsed={nothing} onClose={nothing} />);
    fireEvent.change(screen.getByRole('textbox'), {
      target: { value: "curl -u 'ab\u202ec\u0000' https://example.test/" },
    });
    fireEvent.click(screen.getByTestId('paste-curl-apply'));
    expectMarked((await screen.findByTestId('paste-curl-warnings')).textContent);
  });

  it("in the undo toast's note", () => {
    mount(
      <UndoToast
        pending={{ ids: [1], deleted: 1, error: null, note: `Kept ${HOSTILE}` }}
        onUndo={nothing}
        onDismiss={nothing}
        onButtonGone={nothing}
      />,
    );
    expectMarked(screen.getByTestId('undo-toast').textContent);
  });
});
