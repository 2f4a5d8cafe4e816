// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureSummary } from '../../../electron/shared/contract/captures';
import { CaptureList } from '../../../renderer/src/features/captures/CaptureList';
import type { Selection } from '../../../renderer/src/features/captures/selection';
import { captureSummary } from '../../helpers/capture-summary';

afterEach(cleanup);

const items: CaptureSummary[] = [3, 2, 1].map((id) => captureSummary({ id, path: `/c${id}` }));

/** The list with capture 2 active; what it asks to select after each key. */
function listOn(selected: number) {
  const asked: Selection[] = [];
  render(
    <CaptureList
      items={items}
      hasMore={false}
      loading={false}
      loadMore={() => {}}
      loadDownTo={() => {}}
      unread={new Set()}
      selection={{ active: selected, anchor: selected, ids: new Set([selected]) }}
      onSelect={(s) => asked.push(s)}
      onOpen={() => {}}
      onDelete={() => true}
      onReplay={() => {}}
      endpoints={new Map()}
      query=""
      filterKey="all"
    />,
  );
  return asked;
}

describe('the capture list’s letter keys with Caps Lock or Shift on', () => {
  it('Ctrl+A selects every capture, and keeps the browser from selecting the page’s text', () => {
    const asked = listOn(2);
    const pressed = fireEvent.keyDown(screen.getByTestId('capture-list'), { key: 'A', ctrlKey: true });
    expect(pressed).toBe(false);
    expect([...asked.at(-1)!.ids].sort()).toEqual([1, 2, 3]);
  });

  it('J and K move down and up as j and k do', () => {
    const asked = listOn(2);
    const list = screen.getByTestId('capture-list');
    expect(fireEvent.keyDown(list, { key: 'J' })).toBe(false);
    expect(asked.at(-1)!.active).toBe(1);
    expect(fireEvent.keyDown(list, { key: 'K' })).toBe(false);
    expect(asked.at(-1)!.active).toBe(3);
  });
});
