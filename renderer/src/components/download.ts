/** Saves bytes or text through a temporary blob URL (no server round trip, nothing rendered). */
export function downloadBlob(
  content: BlobPart,
  fileName: string,
  mimeType = 'application/octet-stream',
): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
