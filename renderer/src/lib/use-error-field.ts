import { useEffect, type RefObject } from 'react';

/**
 * Marks the field an error names invalid, described by the error (the element with id `errorId`), and focuses it, so
 * the error is heard and fixed there. `selectorFor` finds that field in `form` from the error's text; the mark moves
 * with the next error and goes when the error is cleared. `attempt` changes with every try that may refuse: the same
 * refusal given again (Enter pressed once more from another field) then takes the keyboard back to its field too.
 */
export function useErrorField(
  form: RefObject<HTMLElement | null>,
  error: string | null,
  errorId: string,
  selectorFor: (error: string) => string | null,
  attempt = 0,
): void {
  useEffect(() => {
    const selector = error && selectorFor(error);
    const field = selector ? form.current?.querySelector<HTMLElement>(selector) : null;
    if (!field) return;
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', errorId);
    field.focus();
    return () => {
      field.removeAttribute('aria-invalid');
      field.removeAttribute('aria-describedby');
    };
    // selectorFor is a pure lookup: the mark follows the error (and each new attempt) only.
  }, [error, errorId, attempt]);
}
