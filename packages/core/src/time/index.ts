export * from './calendar.ts';
export * from './paris.ts';
export * from './slots.ts';
export * from './enedis-timestamps.ts';
