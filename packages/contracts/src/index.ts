export * from './error-codes.ts';
export * from './envelope.ts';
export * from './calendar-date.ts';
export * from './accounts.ts';
export * from './pdl.ts';
export * from './rte.ts';
export * from './consent.ts';
export * from './runtime-config.ts';
