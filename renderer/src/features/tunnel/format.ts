import type { TunnelPhase } from '../../../../electron/shared/contract/tunnel';

export const phaseLabel: Record<TunnelPhase, string> = {
  idle: 'Off',
  connecting: 'Connecting…',
  online: 'Online',
  degraded: 'Reconnecting…',
  offline: 'Offline',
};

export const phaseTone: Record<TunnelPhase, 'muted' | 'info' | 'ok' | 'warn' | 'error'> = {
  idle: 'muted',
  connecting: 'info',
  online: 'ok',
  degraded: 'warn',
  offline: 'error',
};

export const clockTime = (ms: number) => new Date(ms).toLocaleTimeString();

export function inSeconds(atMs: number, nowMs: number): string {
  const s = Math.max(0, Math.round((atMs - nowMs) / 1000));
  return s === 0 ? 'now' : `in ${s} s`;
}
