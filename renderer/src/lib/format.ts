import { inRepeatedHour } from '../../../electron/shared/local-minute';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 14:03:27.412 — the list's time column. */
export function formatClock(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/**
 * The list's time column: 14:03:27.412 for a capture from today; 11-19 14:03 from another day this year, 2025-11-19
 * from an earlier year. The clock alone showed a capture from days ago as if it came in today. Inside the hour the
 * clocks go back, today's clock names its offset instead of the milliseconds (01:30:00 -04, an hour later
 * 01:30:00 -05; 01:30 +10:30 for a zone half an hour off), the widest that fits the column; so does another day's
 * minute from that hour (11-01 01:30 -04, then 11-01 01:30 -05), which two captures an hour apart otherwise share.
 */
export function formatListTime(ms: number, now = Date.now()): string {
  const d = new Date(ms);
  const today = new Date(now);
  if (d.toDateString() === today.toDateString()) {
    if (!inRepeatedHour(ms)) return formatClock(ms);
    const offset = formatUtcOffset(ms);
    const clock = formatClock(ms);
    return offset.endsWith(':00')
      ? `${clock.slice(0, 8)} ${offset.slice(0, 3)}`
      : `${clock.slice(0, 5)} ${offset}`;
  }
  const day = `${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  if (d.getFullYear() !== today.getFullYear()) return `${d.getFullYear()}-${day}`;
  const minute = `${day} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (!inRepeatedHour(ms)) return minute;
  const offset = formatUtcOffset(ms);
  return `${minute} ${offset.endsWith(':00') ? offset.slice(0, 3) : offset}`;
}

/** +05:30, -03:30: the local zone's offset from UTC at an instant. */
export function formatUtcOffset(ms: number): string {
  const minutes = -new Date(ms).getTimezoneOffset();
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * 2026-11-22 14:03:27.412 +01:00 (local, with its offset): on the night the clocks go back, captures an hour apart
 * otherwise read the same.
 */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${formatClock(ms)} ${formatUtcOffset(ms)}`;
}

export function formatRelative(ms: number, now = Date.now()): string {
  const s = Math.round((now - ms) / 1000);
  if (s < 5) return 'just now';
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)}m ago`;
  if (s < 86400) return `${Math.floor(s / 3600)}h ago`;
  return `${Math.floor(s / 86400)}d ago`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms / 60_000)} min`;
}

/** `application/json; charset=utf-8` → `application/json` */
export function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

export function statusClass(status: number | null): string {
  if (status === null) return 'status-none';
  if (status < 300) return 'status-2xx';
  if (status < 400) return 'status-3xx';
  if (status < 500) return 'status-4xx';
  return 'status-5xx';
}

/** "1 capture", "2,500 captures": the count with its noun in the right number. */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? singular : plural}`;
}
