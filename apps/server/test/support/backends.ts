/**
 * The integration suites run once per backend: SQLite + in-memory cache always, and PostgreSQL +
 * Valkey when TEST_DATABASE_URL / TEST_REDIS_URL are set (CI sets both).
 */
export interface Backend {
  name: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
}

export const backends: Backend[] = [
  { name: 'sqlite+memory', databaseUrl: undefined, redisUrl: undefined },
  ...(process.env.TEST_DATABASE_URL || process.env.TEST_REDIS_URL
    ? [{ name: 'postgres+valkey', databaseUrl: process.env.TEST_DATABASE_URL, redisUrl: process.env.TEST_REDIS_URL }]
    : []),
];
