import { useSearchParams } from 'react-router';
import type { Pdl } from '@med/contracts';
import { usePdls } from '../../hooks/usePdls.ts';
import { blockedStatus, type BlockedConsentStatus } from '../consent/consentState.ts';
import { choosePdl } from './pdlSelection.ts';

/**
 * The PDLs a metering page can show (active ones matching `eligible`) and the selected one, kept in
 * `?pdl=<usage point>` so the address can be shared and the back button works. `blocked` says why an
 * option's data cannot be read (by default its own consent state); such a meter is only selected when the
 * address names it, never by default, so `selected` is null when no option can be read.
 */
export function usePdlSelection(
  eligible: (pdl: Pdl, all: readonly Pdl[]) => boolean,
  blocked: (pdl: Pdl, all: readonly Pdl[]) => BlockedConsentStatus | null = blockedStatus,
) {
  const pdls = usePdls();
  const [searchParams, setSearchParams] = useSearchParams();
  const all = pdls.data ?? [];
  const options = all.filter((pdl) => pdl.is_active && eligible(pdl, all));
  const blockedOf = (pdl: Pdl) => blocked(pdl, all);
  const selected = choosePdl(options, searchParams.get('pdl'), blockedOf);
  const select = (usagePointId: string) => {
    const next = new URLSearchParams(searchParams);
    next.set('pdl', usagePointId);
    setSearchParams(next, { replace: true });
  };
  return { query: pdls, all, options, selected, select, blockedOf };
}
