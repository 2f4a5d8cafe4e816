/**
 * Why a method that is a valid token still cannot be sent, or null. CONNECT asks a proxy for a tunnel rather than
 * sending a request; the HTTP client refuses it, and only when the delivery is tried.
 */
export function unsendableMethod(method: string): string | null {
  return method.trim().toUpperCase() === 'CONNECT'
    ? 'CONNECT cannot be sent (it asks a proxy for a tunnel, not a server for a response); use another method'
    : null;
}
