export { DeliveryLog } from './DeliveryLog';
export { BulkSend } from './BulkSend';
export { SavedWebhooks } from './SavedWebhooks';
export { DeliveriesView } from './DeliveriesView';
export { AttemptTimeline } from './AttemptTimeline';
