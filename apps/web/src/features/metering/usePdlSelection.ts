import { useSearchParams } from 'react-router';
import type { Pdl } from '@med/contracts';
import { usePdls } from '../../hooks/usePdls.ts';

/**
 * The PDLs a metering page can show (active ones matching `eligible`) and the selected one, kept in
 * `?pdl=<usage point>` so the address can be shared and the back button works.
 */
export function usePdlSelection(eligible: (pdl: Pdl, all: readonly Pdl[]) => boolean) {
  const pdls = usePdls();
  const [searchParams, setSearchParams] = useSearchParams();
  const all = pdls.data ?? [];
  const options = all.filter((pdl) => pdl.is_active && eligible(pdl, all));
  const wanted = searchParams.get('pdl');
  const selected = options.find((pdl) => pdl.usage_point_id === wanted) ?? options[0] ?? null;
  const select = (usagePointId: string) => {
    const next = new URLSearchParams(searchParams);
    next.set('pdl', usagePointId);
    setSearchParams(next, { replace: true });
  };
  return { query: pdls, all, options, selected, select };
}
