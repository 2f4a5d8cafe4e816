/**
 * Whether a key belongs to an IME composition: Escape there cancels the composition, not the dialog or panel. Chromium
 * and Safari report some composition keys only as keyCode 229.
 */
export const isImeComposing = (e: KeyboardEvent): boolean => e.isComposing || e.keyCode === 229;
