import type { EventTable, MethodTable } from './define';

/** Decode methods and events (filled by the decode feature). */
export const decodeMethods = {} satisfies MethodTable;
export const decodeEvents = {} satisfies EventTable;
