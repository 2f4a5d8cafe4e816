import type { EventTable, MethodTable } from './define';

/** Tunnel methods and events (filled by the tunnel feature). */
export const tunnelMethods = {} satisfies MethodTable;
export const tunnelEvents = {} satisfies EventTable;
