import { useTranslation } from 'react-i18next';
import type { CostsResponse } from '@med/contracts';
import { Alert } from '../../components/ui/Alert.tsx';

/** Which figures are estimates, why, and on how many days (never a silent guess). */
export function CostEstimates({ estimates }: { estimates: CostsResponse['estimates'] }) {
  const { t } = useTranslation();
  if (estimates.length === 0) {
    return null;
  }
  return (
    <Alert tone="warning" title={t('costs.estimates.title')}>
      <ul className="list-disc space-y-1 pl-5" data-testid="cost-estimates">
        {estimates.map((estimate) => (
          <li key={estimate.reason}>
            {t(`costs.estimates.reasons.${estimate.reason}`)}{' '}
            {estimate.dates.length > 0 && `(${t('costs.estimates.dates', { count: estimate.dates.length })})`}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
