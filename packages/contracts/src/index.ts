export * from './error-codes.ts';
export * from './envelope.ts';
export * from './accounts.ts';
export * from './pdl.ts';
export * from './rte.ts';
export * from './runtime-config.ts';
