export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** UTF-8 text, or null when the bytes are not valid UTF-8 (or contain NULs): treat as binary. */
export function bytesToText(bytes: Uint8Array): string | null {
  try {
    const text = strict.decode(bytes);
    return text.includes('\0') ? null : text;
  } catch {
    return null;
  }
}

export function bytesToTextLenient(bytes: Uint8Array): string {
  return lenient.decode(bytes);
}
