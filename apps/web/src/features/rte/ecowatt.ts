import type { EcowattSignalDto } from '@med/contracts';

/** Hourly EcoWatt signal: 0 green with low-carbon production, 1 green, 2 orange (tight), 3 red (very tight). */
export type HourLevel = 0 | 1 | 2 | 3;
/** Day signal (`dvalue`): 1 green, 2 orange, 3 red. */
export type DayLevel = 1 | 2 | 3;

export interface EcowattHour {
  /** Start hour of the slot, 0–23. */
  hour: number;
  level: HourLevel;
}

export interface EcowattRun {
  /** Start hour (included) and end hour (excluded; 24 = midnight of the next day). */
  from: number;
  to: number;
  level: HourLevel;
}

function asHourLevel(value: number): HourLevel {
  return value <= 0 ? 0 : value >= 3 ? 3 : (value as HourLevel);
}

export function asDayLevel(value: number): DayLevel {
  return value <= 1 ? 1 : value >= 3 ? 3 : 2;
}

/** The hourly values with their start hour (`hdebut` + i × `pas` minutes; RTE sends 24 values of 60 min). */
export function ecowattHours(signal: Pick<EcowattSignalDto, 'values' | 'hdebut' | 'pas'>): EcowattHour[] {
  const step = signal.pas > 0 ? signal.pas / 60 : 1;
  return signal.values.map((value, index) => ({ hour: signal.hdebut + index * step, level: asHourLevel(value) }));
}

/** Consecutive hours of the same level, to say the day in words ("06:00–24:00: green"). */
export function ecowattRuns(signal: Pick<EcowattSignalDto, 'values' | 'hdebut' | 'pas'>): EcowattRun[] {
  const hours = ecowattHours(signal);
  const step = signal.pas > 0 ? signal.pas / 60 : 1;
  const runs: EcowattRun[] = [];
  for (const { hour, level } of hours) {
    const last = runs.at(-1);
    if (last?.level === level && last.to === hour) {
      last.to = hour + step;
    } else {
      runs.push({ from: hour, to: hour + step, level });
    }
  }
  return runs;
}

/** The highest hourly level of a day (what decides the day's worry). */
export function worstHour(signal: Pick<EcowattSignalDto, 'values'>): HourLevel {
  return asHourLevel(Math.max(0, ...signal.values));
}

/** Today's signal and the following days, from the signals of `GET /api/ecowatt/forecast` (D..D+3). */
export function splitEcowattDays(
  signals: readonly EcowattSignalDto[],
  today: string,
): { today: EcowattSignalDto | null; next: EcowattSignalDto[] } {
  const sorted = [...signals].sort((a, b) => a.periode.localeCompare(b.periode));
  return {
    today: sorted.find((signal) => signal.periode.slice(0, 10) === today) ?? null,
    next: sorted.filter((signal) => signal.periode.slice(0, 10) > today).slice(0, 3),
  };
}

/** "06:00" style label of a whole or fractional hour (24 reads "24:00"). */
export function hourLabel(hour: number): string {
  const minutes = Math.round(hour * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
