export * from './slots.ts';
export * from './aggregate.ts';
export * from './offpeak-split.ts';
export * from './compare.ts';
export * from './balance.ts';
export * from './max-power.ts';
export * from './table.ts';
