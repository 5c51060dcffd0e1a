// The daily import of yesterday's sales (ponte-import's schedule.rs): the time as the backend stores it.

/** Suggested when a schedule is first turned on. */
export const DEFAULT_SCHEDULE_TIME = '07:00';

/**
 * What was typed in the time field as `HH:MM` (the backend's `%H:%M`), or null when it is no time of day.
 * Forgiving about what people type: `7:00`, `7h00`, `07.00`, `0700`, `7` all mean 07:00.
 */
export function cleanTime(text: string): string | null {
  const s = text.trim().toLowerCase();
  const m = /^(\d{1,2})(?:[:h.]?(\d{2}))?h?$/.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}
