export { TunnelControl } from './TunnelControl';
export { TunnelBanner } from './TunnelBanner';
export { useTunnelState } from './use-tunnel-state';
