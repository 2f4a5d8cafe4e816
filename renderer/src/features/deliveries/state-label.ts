import type { DeliveryState } from '../../../../electron/shared/contract/delivery';

/** A delivery state as the views name it ("in flight", not the API's "in_flight"). */
export function stateLabel(state: DeliveryState): string {
  return state === 'in_flight' ? 'in flight' : state;
}
