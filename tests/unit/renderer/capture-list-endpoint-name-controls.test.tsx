// @vitest-environment happy-dom
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Endpoint } from '../../../electron/shared/contract/endpoints';
import { renderCaptureList } from '../../helpers/capture-list';
import { captureSummary } from '../../helpers/capture-summary';

afterEach(cleanup);
afterEach(() => vi.restoreAllMocks());
// happy-dom lays nothing out: give the list's scroller a height so its rows are drawn.
beforeEach(() => vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600));

// An endpoint's name is typed by the user and may hold any character (only its slug is restricted).
const endpoint = (name: string) => ({ id: 2, name }) as Endpoint;

describe("a capture list row whose endpoint's name holds a right-to-left override or a control character", () => {
  it.each([
    ['invoice\u202efdp.exe', 'invoiceU+202Efdp.exe'],
    ['a\u0000b', 'a\\u0000b'],
  ])('shows %j escaped in the endpoint cell and its tooltip', (name, shown) => {
    const { container } = renderCaptureList(
      [captureSummary({ id: 1, endpointId: 2 })],
      new Map([[2, endpoint(name)]]),
    );
    const cell = container.querySelector('.cell.endpoint')!;
    expect(cell.getAttribute('title')).toBe(shown);
    expect(cell.textContent).toBe(shown);
  });
});
