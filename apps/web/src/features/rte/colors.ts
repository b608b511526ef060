import type { TempoColour } from '@med/core';
import type { DayLevel, HourLevel } from './ecowatt.ts';

/** Tempo swatches: white days keep a border so they stand out on a white card. */
export const TEMPO_SWATCH: Record<TempoColour, string> = {
  BLUE: 'bg-blue-600 text-white border-blue-700',
  WHITE: 'bg-white text-slate-900 border-slate-400 dark:bg-slate-100',
  RED: 'bg-red-600 text-white border-red-700',
};
export const UNKNOWN_SWATCH =
  'bg-slate-100 text-slate-600 border-dashed border-slate-300 dark:bg-slate-800 dark:text-slate-400 dark:border-slate-600';

/** Bars of the probability and quota gauges. */
export const TEMPO_BAR: Record<TempoColour, string> = {
  BLUE: 'bg-blue-600',
  WHITE: 'bg-slate-300 dark:bg-slate-200',
  RED: 'bg-red-600',
};

export const ECOWATT_HOUR_SWATCH: Record<HourLevel, string> = {
  0: 'bg-emerald-700 text-white',
  1: 'bg-green-500 text-green-950',
  2: 'bg-orange-500 text-orange-950',
  3: 'bg-red-600 text-white',
};

export const ECOWATT_DAY_SWATCH: Record<DayLevel, string> = {
  1: 'bg-green-500 text-green-950',
  2: 'bg-orange-500 text-orange-950',
  3: 'bg-red-600 text-white',
};

/** Chart series colours, readable on light and dark cards. */
export const FRANCE_COLORS = {
  realised: '#0ea5e9',
  intraday: '#f59e0b',
  dayAhead: '#a855f7',
  twoDaysAhead: '#94a3b8',
  solar: '#eab308',
  wind: '#14b8a6',
  now: '#ef4444',
} as const;
