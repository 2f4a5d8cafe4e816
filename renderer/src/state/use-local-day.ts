import { useEffect, useState } from 'react';

const localDay = () => new Date().toDateString();

/**
 * Today's local date, which changes at midnight: what decides whether a time shown without a date still reads right.
 * Checked each minute rather than timed to midnight, so a machine that slept through it catches up within a minute.
 */
export function useLocalDay(): string {
  const [day, setDay] = useState(localDay);
  useEffect(() => {
    const timer = setInterval(() => setDay(localDay()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return day;
}
