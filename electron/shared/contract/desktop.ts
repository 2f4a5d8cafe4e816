import type { EventTable, MethodTable } from './define';

/** Desktop methods and events (filled by the desktop feature). */
export const desktopMethods = {} satisfies MethodTable;
export const desktopEvents = {} satisfies EventTable;
