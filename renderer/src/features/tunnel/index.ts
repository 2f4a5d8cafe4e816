export { TunnelControl } from './TunnelControl';
export { TunnelBanner } from './TunnelBanner';
export { useTunnelState } from './use-tunnel-state';
export { useTunnelHosts } from './use-tunnel-hosts';
