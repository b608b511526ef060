export * from './time/index.ts';
export * from './tempo/index.ts';
