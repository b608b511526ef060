import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/queryKeys.ts';
import { getDataAccess } from './dataAccess.api.ts';

/** The audit trail of reads of my data by administrators; fetched with the page, refreshed on focus. */
export function useDataAccess() {
  return useQuery({ queryKey: queryKeys.dataAccess, queryFn: ({ signal }) => getDataAccess(signal) });
}
