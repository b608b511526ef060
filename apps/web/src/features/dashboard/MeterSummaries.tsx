import { useTranslation } from 'react-i18next';
import { usePdls } from '../../hooks/usePdls.ts';
import { hasLiveConsent } from '../consent/consentState.ts';
import type { Direction } from '../metering/plan.ts';
import { MeterSummaryCard } from './MeterSummaryCard.tsx';

/** Each active meter with a live consent, its figures first: one card per direction it measures. */
export function MeterSummaries() {
  const { t } = useTranslation();
  const { data: pdls = [] } = usePdls();
  const cards = pdls
    .filter((pdl) => pdl.is_active && hasLiveConsent(pdl))
    .flatMap((pdl) =>
      (['consumption', 'production'] as const satisfies readonly Direction[])
        .filter((direction) => (direction === 'consumption' ? pdl.has_consumption : pdl.has_production))
        .map((direction) => ({ pdl, direction })),
    );
  if (cards.length === 0) {
    return null;
  }
  return (
    <section aria-labelledby="meter-summary-title">
      <h2 id="meter-summary-title" className="mb-3 text-lg font-semibold">
        {t('meterSummary.title')}
      </h2>
      <ul className="grid gap-4 lg:grid-cols-2">
        {cards.map(({ pdl, direction }) => (
          <li key={`${pdl.id}-${direction}`}>
            <MeterSummaryCard pdl={pdl} direction={direction} />
          </li>
        ))}
      </ul>
    </section>
  );
}
