/** Every TanStack Query key of the app, so invalidations cannot drift from the queries. */
export const queryKeys = {
  config: ['config'] as const,
  me: ['accounts', 'me'] as const,
  credentials: ['accounts', 'credentials'] as const,
  usageStats: ['accounts', 'usage-stats'] as const,
  /** Reads of my data by administrators (the audit trail under the sharing switch in Settings). */
  dataAccess: ['accounts', 'data-access'] as const,
  pdls: ['pdls'] as const,
  consents: ['consents'] as const,
  /** Every cost and simulation of a meter (`[...costs, usage point, …]`): priced again when its offer changes. */
  costs: ['costs'] as const,
  syncStatus: ['sync', 'status'] as const,
  clientStatus: ['client', 'status'] as const,
  exporters: ['exporters'] as const,
};
