import type { KeyboardEvent } from 'react';

/**
 * Arrow keys in a `role="tablist"` (WAI-ARIA tabs, automatic activation): ←/→ move to the previous/next enabled tab and
 * select it, Home/End to the first/last. The tablist is one Tab stop: only its selected tab has `tabIndex={0}`.
 */
export function onTablistKeyDown(e: KeyboardEvent<HTMLElement>): void {
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  const tabs = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]:not([disabled])')];
  const at = tabs.indexOf(e.target as HTMLElement);
  if (at < 0) return;
  const next =
    e.key === 'ArrowRight'
      ? tabs[(at + 1) % tabs.length]
      : e.key === 'ArrowLeft'
        ? tabs[(at - 1 + tabs.length) % tabs.length]
        : e.key === 'Home'
          ? tabs[0]
          : e.key === 'End'
            ? tabs[tabs.length - 1]
            : undefined;
  if (!next) return;
  e.preventDefault();
  next.focus();
  next.click();
}
