import type { EventTable, MethodTable } from './define';

/** Delivery methods and events (filled by the delivery feature). */
export const deliveryMethods = {} satisfies MethodTable;
export const deliveryEvents = {} satisfies EventTable;
