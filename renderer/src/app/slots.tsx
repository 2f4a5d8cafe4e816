// Mount points for features other engineers build in renderer/src/features/{decode,compose,deliveries,tunnel}.
// When a feature's index.ts exists, import it here and replace the placeholder; nothing else in the shell changes.
//
// TODO(deliveries): import { DeliveryLog, BulkSend, SavedWebhooks } from '../features/deliveries';
// TODO(tunnel):     import { TunnelControl, TunnelBanner } from '../features/tunnel';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { ComposeView } from '../features/compose';
import { DecodedView, DictionaryBrowser } from '../features/decode';

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
      <DecodedView captureId={captureId} />
    </ErrorBoundary>
  );
}

export function DictionarySlot() {
  return (
    <ErrorBoundary label="Field dictionary">
      <DictionaryBrowser />
    </ErrorBoundary>
  );
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

export const availableSlots = { decode: true, compose: true, deliveries: false, tunnel: false };
