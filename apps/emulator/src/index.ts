export { buildEmulator, startEmulator, type EmulatorOptions } from './app.ts';
export type { EnedisEmulatorOptions, EnedisEmulatorControl } from './enedis/plugin.ts';
export type { RteEmulatorOptions } from './rte/plugin.ts';
