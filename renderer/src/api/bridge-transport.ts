import type { Transport } from '../../../electron/shared/contract/client';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in browser mode. */
    bridge?: Transport;
  }
}

/** Electron: the preload's bridge already is a Transport. Events are always connected. */
export function getBridgeTransport(): Transport | null {
  const bridge = window.bridge;
  if (!bridge || typeof bridge.invoke !== 'function' || typeof bridge.subscribe !== 'function') return null;
  return bridge;
}
