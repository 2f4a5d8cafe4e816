import { useState } from 'react';

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (insecure context, no permission): fall back to a hidden textarea.
    const focused = document.activeElement;
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    // Selecting the textarea took focus; removing it would drop keyboard focus to <body>.
    if (focused instanceof HTMLElement) focused.focus();
    return ok;
  }
}

export function CopyButton({
  text,
  label = 'Copy',
  name,
  title,
  className = '',
  tabIndex,
}: {
  text: string | (() => Promise<string> | string);
  label?: string;
  /** What a screen reader calls the button, when the visible label alone does not say what it copies. */
  name?: string;
  title?: string;
  className?: string;
  tabIndex?: number;
}) {
  const [state, setState] = useState<'idle' | 'done' | 'failed'>('idle');
  const onClick = async () => {
    try {
      const value = typeof text === 'function' ? await text() : text;
      setState((await copyText(value)) ? 'done' : 'failed');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 1200);
  };
  const outcome = state === 'done' ? 'Copied' : state === 'failed' ? 'Copy failed' : '';
  return (
    <>
      <button
        type="button"
        className={`btn btn-small ${className}`}
        title={title ?? label}
        aria-label={name}
        tabIndex={tabIndex}
        onClick={() => void onClick()}
      >
        {outcome || label}
      </button>
      {/* Always present, so the outcome written into it later is announced. */}
      <span className="visually-hidden" role="status">
        {outcome}
      </span>
    </>
  );
}
