// Mount points for features other engineers build in renderer/src/features/{decode,compose,deliveries,tunnel}.
// When a feature's index.ts exists, import it here and replace the placeholder; nothing else in the shell changes.
//
import { ErrorBoundary } from '../components/ErrorBoundary';
import { ComposeView } from '../features/compose';
import { DecodedView, DictionaryBrowser } from '../features/decode';
import { DeliveriesView } from '../features/deliveries';
import { TunnelBanner, TunnelControl, useTunnelState } from '../features/tunnel';

export function DecodedSlot({ captureId, query }: { captureId: number; query?: string }) {
  return (
    <ErrorBoundary label="Decoded view">
      <DecodedView captureId={captureId} {...(query ? { query } : {})} />
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
  return (
    <ErrorBoundary label="Deliveries">
      <DeliveriesView />
    </ErrorBoundary>
  );
}

/** The tunnel control sits in the top bar. */
export function TunnelControlSlot() {
  return (
    <ErrorBoundary label="Tunnel">
      <TunnelControl />
    </ErrorBoundary>
  );
}

export function TunnelBannerSlot() {
  return (
    <ErrorBoundary label="Tunnel banner">
      <TunnelBanner />
    </ErrorBoundary>
  );
}

/** The tunnel's public URL while one is assigned (kept while degraded: it is what senders call). */
export function usePublicUrl(): string | null {
  return useTunnelState().state?.url ?? null;
}
