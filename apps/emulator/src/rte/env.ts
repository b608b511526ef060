/**
 * RTE emulator options from environment variables, for the standalone emulator (`npm run emulator`).
 * Every variable is optional; a malformed value throws, naming the variable, instead of being ignored.
 *
 * | Variable | Option |
 * | --- | --- |
 * | `EMULATOR_TEMPO_PUBLICATION_TIME` (`HH:MM`, Paris) | `tempoPublicationTime`: when tomorrow's Tempo colour appears |
 */
import type { RteEmulatorOptions } from './options.ts';
import { assertHhMm } from './rte-dates.ts';

type Env = Record<string, string | undefined>;

/** The RTE options set by `env`; unset variables keep the emulator defaults. */
export function rteOptionsFromEnv(env: Env): Partial<RteEmulatorOptions> {
  const publication = env.EMULATOR_TEMPO_PUBLICATION_TIME?.trim();
  if (publication === undefined || publication === '') {
    return {};
  }
  assertHhMm(publication, 'EMULATOR_TEMPO_PUBLICATION_TIME');
  return { tempoPublicationTime: publication };
}
