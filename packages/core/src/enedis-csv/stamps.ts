/**
 * The time stamps the exports write. The customer area writes ISO 8601 with the Paris offset
 * (`2022-07-29T00:30:00+02:00`), which names one instant even in the repeated October hour; the flat
 * export writes naive wall clock (`2023-03-13 00:30:00`), the Conso Downloader naive minutes
 * (`2024-01-01T00:30`), and a file re-saved from a French Excel turns either into `29/07/2022 00:30`.
 */

/** A stamp with an explicit offset, as UTC ms; `null` when it has no offset or is not a valid date-time. */
export function parseOffsetStamp(text: string): number | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(?:\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/.exec(text);
  if (!match) {
    return null;
  }
  const [, date, hourMinute, seconds, offset] = match as unknown as [
    string,
    string,
    string,
    string | undefined,
    string,
  ];
  const normalizedOffset = offset === 'Z' || offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
  if (!isValidWallClock(date, hourMinute, seconds?.slice(1, 3) ?? '00')) {
    return null;
  }
  const ms = Date.parse(`${date}T${hourMinute}${seconds ?? ':00'}${normalizedOffset}`);
  return Number.isNaN(ms) ? null : ms;
}

/** A naive wall-clock stamp as `YYYY-MM-DD HH:MM:SS` (Enedis's own naive form); `null` when unreadable. */
export function parseNaiveStamp(text: string): string | null {
  const iso = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::(\d{2}))?$/.exec(text);
  if (iso) {
    const [, date, hourMinute, seconds = '00'] = iso as unknown as [string, string, string, string | undefined];
    return isValidWallClock(date, hourMinute, seconds) ? `${date} ${hourMinute}:${seconds}` : null;
  }
  const french = /^(\d{2})\/(\d{2})\/(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (french) {
    const [, day, month, year, hour, minute, seconds = '00'] = french as unknown as [
      string,
      string,
      string,
      string,
      string,
      string,
      string | undefined,
    ];
    const date = `${year}-${month}-${day}`;
    const hourMinute = `${hour.padStart(2, '0')}:${minute}`;
    return isValidWallClock(date, hourMinute, seconds) ? `${date} ${hourMinute}:${seconds}` : null;
  }
  return null;
}

/** A calendar date alone (`2022-07-29` or `29/07/2022`) as `YYYY-MM-DD`; `null` otherwise. */
export function parseDateOnly(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const french = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  const date = iso ? text : french ? `${french[3]}-${french[2]}-${french[1]}` : null;
  return date !== null && isValidWallClock(date, '00:00', '00') ? date : null;
}

function isValidWallClock(date: string, hourMinute: string, seconds: string): boolean {
  const ms = Date.parse(`${date}T${hourMinute}:${seconds}Z`);
  // Date.parse accepts 2023-02-30; formatting it back catches the roll-over.
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 19) === `${date}T${hourMinute}:${seconds}`;
}
