import { useTranslation } from 'react-i18next';
import { Alert } from '../components/ui/Alert.tsx';
import { Spinner } from '../components/ui/Spinner.tsx';
import { ConsentBlockedPanel } from '../features/consent/ConsentBlockedPanel.tsx';
import { balancePairBlocked, balancePairOf, blockedMetersOf } from '../features/metering/balancePairs.ts';
import { BalanceOverview } from '../features/metering/BalanceOverview.tsx';
import { MeteringEmpty } from '../features/metering/MeteringEmpty.tsx';
import { PdlPicker } from '../features/metering/PdlPicker.tsx';
import { usePdlSelection } from '../features/metering/usePdlSelection.ts';
import { pdlDisplayName } from '../features/pdl/pdlList.ts';
import { errorMessage } from '../i18n/errorMessage.ts';

export default function BalancePage() {
  const { t } = useTranslation();
  const { query, all, options, selected, select, blockedOf } = usePdlSelection(
    (pdl, pdls) => balancePairOf(pdl, pdls) !== null,
    balancePairBlocked,
  );
  const pair = selected ? balancePairOf(selected, all) : null;
  const blocked = pair ? blockedMetersOf(pair) : [];
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('metering.balance.title')}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t('metering.balance.intro')}</p>
      </header>
      {query.isPending ? (
        <Spinner label={t('common.loading')} />
      ) : query.isError ? (
        <Alert tone="error">{errorMessage(t, query.error)}</Alert>
      ) : options.length === 0 ? (
        <MeteringEmpty text={t('metering.empty.balance')} />
      ) : (
        <>
          <PdlPicker
            options={options}
            selected={selected}
            onSelect={select}
            blockedOf={blockedOf}
            label={t('metering.balance.pairLabel')}
            describe={(pdl) => {
              const candidate = balancePairOf(pdl, all);
              if (!candidate || candidate.production.id === pdl.id) {
                return t('metering.balance.pairOwn', { name: pdlDisplayName(pdl) });
              }
              return t('metering.balance.pairLinked', {
                consumption: pdlDisplayName(pdl),
                production: pdlDisplayName(candidate.production),
              });
            }}
          />
          {pair === null ? (
            <ConsentBlockedPanel pdls={[]} />
          ) : blocked.length > 0 ? (
            <ConsentBlockedPanel pdls={blocked} />
          ) : (
            <BalanceOverview key={`${pair.consumption.id}:${pair.production.id}`} pair={pair} />
          )}
        </>
      )}
    </div>
  );
}
