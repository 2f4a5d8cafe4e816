import type { Matcher } from '@testing-library/react';

/**
 * Finds the bulk job's progress line ("Job 3 · done · 3 of 3 · …") by its whole text: its state sits in a live region
 * of its own, so the line is split across elements and a plain text matcher never sees it whole.
 */
export function bulkProgressLine(pattern: RegExp): Matcher {
  return (_content, element) =>
    element?.parentElement?.classList.contains('progress-label') === true &&
    pattern.test((element.textContent ?? '').replace(/\s+/g, ' ').trim());
}
