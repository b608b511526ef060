/**
 * The time stamps the exports write. The customer area writes ISO 8601 with the Paris offset
 * (`2022-07-29T00:30:00+02:00`), which names one instant even in the repeated October hour; the flat
 * export writes naive wall clock (`2023-03-13 00:30:00`), the Conso Downloader naive minutes
 * (`2024-01-01T00:30`), and a file re-saved from a French Excel turns either into `29/07/2022 00:30`.
 */

const OFFSET_STAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/;

/** A stamp with an explicit offset, as UTC ms; `null` when it has no offset or is not a valid date-time. */
export function parseOffsetStamp(text: string): number | null {
  const m = OFFSET_STAMP.exec(text);
  if (!m) {
    return null;
  }
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (!isValidWallClock(year, month, day, hour, minute, second)) {
    return null;
  }
  const millis = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0'));
  const offsetMinutes = m[8] === 'Z' ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

const NAIVE_ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const NAIVE_FRENCH = /^(\d{2})\/(\d{2})\/(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const pad = (value: number) => (value < 10 ? `0${value}` : String(value));

/** A naive wall-clock stamp as `YYYY-MM-DD HH:MM:SS` (Enedis's own naive form); `null` when unreadable. */
export function parseNaiveStamp(text: string): string | null {
  const iso = NAIVE_ISO.exec(text);
  const french = iso ? null : NAIVE_FRENCH.exec(text);
  const m = iso ?? french;
  if (!m) {
    return null;
  }
  const [year, month, day] = (iso ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]]).map(Number) as [number, number, number];
  const [hour, minute] = [Number(m[4]), Number(m[5])];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (!isValidWallClock(year, month, day, hour, minute, second)) {
    return null;
  }
  return `${year}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

/** A calendar date alone (`2022-07-29` or `29/07/2022`) as `YYYY-MM-DD`; `null` otherwise. */
export function parseDateOnly(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const french = iso ? null : /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  const m = iso ?? french;
  if (!m) {
    return null;
  }
  const [year, month, day] = (iso ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]]).map(Number) as [number, number, number];
  return isValidWallClock(year, month, day, 0, 0, 0) ? `${year}-${pad(month)}-${pad(day)}` : null;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isValidWallClock(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): boolean {
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59
  );
}
