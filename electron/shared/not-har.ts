const exportAsHar =
  'Import reads HAR 1.2 files: export the captures with the format HAR 1.2 to bring them in';

/**
 * Why a file the HAR import cannot read is not HAR, when it is what one of the app's other capture exports writes (JSON
 * Lines, or a JSON array); null otherwise. Said instead of a JSON parser's position or "expected log.entries[]".
 * `parsed` is the file read as one JSON value, or undefined when it is not one.
 */
export function otherExportReason(text: string, parsed: unknown): string | null {
  if (Array.isArray(parsed) && isCapture(parsed[0]))
    return `a JSON array of captures, as a JSON export writes, not a HAR log. ${exportAsHar}`;
  if (isCapture(parsed)) return `one capture as a JSONL export writes it, not a HAR log. ${exportAsHar}`;
  if (parsed !== undefined) return null;
  const lines = text.split('\n', 3).filter((line) => line.trim() !== '');
  if (lines.length < 2 || !lines.every(isJsonObject)) return null;
  return `JSON Lines (a JSON object per line), as a JSONL export writes, not a HAR log. ${exportAsHar}`;
}

const isCapture = (value: unknown) =>
  typeof value === 'object' && value !== null && 'receivedAtMs' in value && 'bodyBase64' in value;

function isJsonObject(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
