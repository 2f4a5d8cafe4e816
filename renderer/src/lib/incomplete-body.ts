import type { CaptureDetail } from '../../../electron/shared/contract/captures';

/** Why a truncated capture holds less than the body its request declared. */
export type IncompleteBodyCause = 'never-sent' | 'size-limit' | 'broke-off';

export function incompleteBodyCause(
  d: Pick<CaptureDetail, 'bodyNotSent' | 'bodySizeBytes' | 'storedBodyBytes'>,
): IncompleteBodyCause {
  if (d.bodyNotSent) return 'never-sent';
  // Over the limit the receiver counts more than it keeps; a request that broke off keeps all that arrived.
  return d.bodySizeBytes > d.storedBodyBytes ? 'size-limit' : 'broke-off';
}

/** What happened to a truncated capture, to follow its name: "Capture #3 was truncated at the size limit". */
export function incompleteBodyText(cause: IncompleteBodyCause): string {
  switch (cause) {
    case 'never-sent':
      return 'was refused before 100 Continue, so its body was never sent';
    case 'size-limit':
      return 'was truncated at the size limit';
    case 'broke-off':
      return 'broke off mid-body (the sender went away, or its chunking broke)';
  }
}
