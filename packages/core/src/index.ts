export * from './time/index.ts';
export * from './tempo/index.ts';
export * from './offpeak.ts';
export * from './ranges.ts';
export * from './paris-iso.ts';
export * from './energy/index.ts';
export * from './tariff/index.ts';
export * from './enedis-csv/index.ts';
