import { base64ToBytes, textToBase64, utf8DecodeStrict } from '../../../../electron/shared/send/bytes';
import type { BodyMode } from '../../../../electron/shared/send/outgoing';
import type { ComposeDraft } from './state';

/**
 * The body after its mode is switched. JSON, form, XML and text are all text, so the body stays as typed between them;
 * into or out of raw bytes the same bytes are written the other way (a body typed as text goes out as its UTF-8, raw
 * bytes that are text open as that text, mixed line endings and all, until edited), never the letters of one read as
 * the other. Bytes that are not text stay raw, saying why.
 */
export function switchBodyMode(
  draft: Pick<ComposeDraft, 'body' | 'bodyMode'>,
  mode: BodyMode,
): Pick<ComposeDraft, 'body' | 'bodyMode' | 'bodyNote'> {
  const raw = (m: BodyMode) => m === 'base64';
  if (raw(draft.bodyMode) === raw(mode)) return { body: draft.body, bodyMode: mode, bodyNote: null };
  if (raw(mode)) return { body: textToBase64(draft.body), bodyMode: mode, bodyNote: null };
  let text: string | null;
  try {
    text = utf8DecodeStrict(base64ToBytes(draft.body));
  } catch {
    // Not base64 yet (half typed): there are no bytes to keep, so the letters are the text.
    return { body: draft.body, bodyMode: mode, bodyNote: null };
  }
  if (text === null || text.includes('\0'))
    return {
      body: draft.body,
      bodyMode: draft.bodyMode,
      bodyNote:
        'The body is not UTF-8 text, so it stays as raw bytes: as text it would not be the same bytes.',
    };
  return { body: text, bodyMode: mode, bodyNote: null };
}
