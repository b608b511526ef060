/**
 * What a development default would do silently in production, and the explicit opt-in that allows it.
 * Without credentials the app serves emulator data, and without SMTP it writes mails to a folder nobody
 * reads: both are right on a laptop and wrong for real households, so production refuses them unless
 * the operator says they are intended.
 */
export interface ProductionDefaults {
  /** ENEDIS_ENVIRONMENT as set (undefined: derived from the credentials). */
  enedisEnvironment: EnedisEnvironment | undefined;
  enedisClientId: string | undefined;
  /** Without it RTE data comes from the emulator. */
  rteClientId: string | undefined;
  /** Without it mails go to DATA_DIR/outbox. */
  smtpUrlSet: boolean;
  allowEmulator: boolean;
  allowFileOutbox: boolean;
}

type EnedisEnvironment = 'production' | 'sandbox' | 'emulator';

/** One line per refused default, naming the variables that fix it. */
export function productionDefaultProblems(defaults: ProductionDefaults): string[] {
  const problems: string[] = [];
  const enedis = enedisEnvironmentOf(defaults.enedisEnvironment, defaults.enedisClientId);
  if (enedis === 'emulator' && !defaults.allowEmulator) {
    const cause =
      defaults.enedisEnvironment === 'emulator' ? 'ENEDIS_ENVIRONMENT: emulator' : 'ENEDIS_CLIENT_ID: unset';
    problems.push(
      `${cause}, so every meter reading would be simulated by the emulator; ` +
        'set ENEDIS_CLIENT_ID and ENEDIS_CLIENT_SECRET (ENEDIS_ENVIRONMENT=production or sandbox), ' +
        'or ALLOW_EMULATOR_IN_PRODUCTION=true to serve simulated data on purpose',
    );
  }
  if (defaults.rteClientId === undefined && !defaults.allowEmulator) {
    problems.push(
      'RTE_CLIENT_ID: unset, so Tempo, EcoWatt and national consumption would be simulated by the emulator; ' +
        'set RTE_CLIENT_ID and RTE_CLIENT_SECRET, or ALLOW_EMULATOR_IN_PRODUCTION=true to serve simulated data on purpose',
    );
  }
  if (!defaults.smtpUrlSet && !defaults.allowFileOutbox) {
    problems.push(
      'SMTP_URL: unset, so verification and password-reset mails would only be written to DATA_DIR/outbox; ' +
        'set SMTP_URL, or ALLOW_FILE_OUTBOX_IN_PRODUCTION=true to keep the file outbox on purpose',
    );
  }
  return problems;
}

/** The Enedis environment in force: the explicit one, else production with credentials and the emulator without. */
export function enedisEnvironmentOf(
  environment: EnedisEnvironment | undefined,
  clientId: string | undefined,
): EnedisEnvironment {
  return environment ?? (clientId ? 'production' : 'emulator');
}
