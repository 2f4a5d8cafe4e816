// Mount points for features other engineers build in renderer/src/features/{decode,compose,deliveries,tunnel}.
// When a feature's index.ts exists, import it here and replace the placeholder; nothing else in the shell changes.
//
// TODO(decode):     import { DecodedView, DictionaryBrowser } from '../features/decode';
// TODO(deliveries): import { DeliveryLog, BulkSend, SavedWebhooks } from '../features/deliveries';
// TODO(tunnel):     import { TunnelControl, TunnelBanner } from '../features/tunnel';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { ComposeView } from '../features/compose';

function Pending({ what }: { what: string }) {
  return (
    <div className="empty-panel">
      <div className="empty-title">{what}</div>
      <p className="muted">This part of Hookscope is not in this build yet.</p>
    </div>
  );
}

export function DecodedSlot({ captureId }: { captureId: number }) {
  return (
    <ErrorBoundary label="Decoded view">
      <Pending what={`Decoded view for capture #${captureId}`} />
    </ErrorBoundary>
  );
}

export function DictionarySlot() {
  return <Pending what="Field dictionary" />;
}

export function ComposeSlot() {
  return (
    <ErrorBoundary label="Composer">
      <ComposeView />
    </ErrorBoundary>
  );
}

export function DeliveriesSlot() {
  return <Pending what="Deliveries" />;
}

/** The tunnel control sits in the top bar; null until the tunnel feature lands. */
export function TunnelControlSlot() {
  return null;
}

export function TunnelBannerSlot() {
  return null;
}

export const availableSlots = { decode: false, compose: true, deliveries: false, tunnel: false };
