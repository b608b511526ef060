import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '@med/core';
import type { Pdl } from '@med/contracts';
import {
  useDailyEnergy,
  useLoadCurve,
  useMaxPower,
  useParisToday,
  type MeterRef,
} from '../../hooks/useMeteringData.ts';
import { requestHistory, useMeteringHistory } from '../../hooks/useMeteringHistory.ts';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { SERIES_COLORS } from './colors.ts';
import { DailyChart } from './DailyChart.tsx';
import { HistoryPanel, type NamedLoad } from './HistoryPanel.tsx';
import { LOAD_CURVE_ID, LoadCurveCard } from './LoadCurveCard.tsx';
import { MaxPowerCard } from './MaxPowerCard.tsx';
import { MonthlyComparison } from './MonthlyComparison.tsx';
import { offpeakRangesOf } from './offpeakRanges.ts';
import { OffpeakSplitCard } from './OffpeakSplitCard.tsx';
import type { Direction } from './plan.ts';
import { useCurveView } from './useCurveView.ts';
import { YearTotals } from './YearTotals.tsx';

interface EnergyOverviewProps {
  pdl: Pdl;
  direction: Direction;
}

/**
 * Everything about one meter in one direction: history loading, yearly totals, N vs N-1 months, days,
 * the load curve, and for consumption the HC/HP split and the maximum power.
 */
export function EnergyOverview({ pdl, direction }: EnergyOverviewProps) {
  const { t } = useTranslation();
  const today = useParisToday();
  const meter: MeterRef = { usagePointId: pdl.usage_point_id, activationDate: pdl.activation_date };
  const isConsumption = direction === 'consumption';
  const color = isConsumption ? SERIES_COLORS.consumption : SERIES_COLORS.production;
  const daily = useDailyEnergy(meter, direction);
  const view = useCurveView(daily.data.at(-1)?.date ?? addDays(today, -1));
  const curve = useLoadCurve(meter, direction, view.views, view.mode === 'all');
  const maxPower = useMaxPower(isConsumption ? meter : null);
  const historyRequested = useMeteringHistory(pdl.usage_point_id, direction);
  const offpeak = offpeakRangesOf(pdl);
  const fileParts = [pdl.usage_point_id, t(`metering.nav.${direction}`)];
  const { setAnchor, setMode } = view;

  const pickDay = useCallback(
    (date: string) => {
      setMode('day');
      setAnchor(date);
      document.getElementById(LOAD_CURVE_ID)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    },
    [setAnchor, setMode],
  );

  const loads: NamedLoad[] = [
    {
      name: t(isConsumption ? 'metering.history.consumptionDaily' : 'metering.history.productionDaily'),
      load: daily.load,
    },
    ...(isConsumption ? [{ name: t('metering.history.maxPower'), load: maxPower.load }] : []),
    {
      name: t(isConsumption ? 'metering.history.consumptionCurve' : 'metering.history.productionCurve'),
      load: curve.load,
    },
  ];

  return (
    <div className="space-y-6">
      <HistoryPanel
        intro={t(isConsumption ? 'metering.history.intro' : 'metering.history.introProduction')}
        loads={loads}
        requested={historyRequested}
        onRequest={() => requestHistory(pdl.usage_point_id, direction)}
      />
      {daily.data.length === 0 && daily.load.busy && <Spinner label={t('metering.common.loadingData')} />}
      <YearTotals
        daily={daily.data}
        title={t(isConsumption ? 'metering.years.title' : 'metering.years.titleProduction')}
        fileParts={fileParts}
      />
      <MonthlyComparison daily={daily.data} color={color} fileParts={fileParts} />
      <DailyChart daily={daily.data} color={color} fileParts={fileParts} onPickDay={pickDay} />
      <LoadCurveCard
        slots={curve.data}
        load={curve.load}
        view={view}
        today={today}
        color={color}
        fileParts={fileParts}
        offpeakRanges={isConsumption ? offpeak.ranges : undefined}
      />
      {isConsumption && (
        <OffpeakSplitCard slots={curve.data} ranges={offpeak.ranges} source={offpeak.source} fileParts={fileParts} />
      )}
      {isConsumption && (
        <MaxPowerCard days={maxPower.data} subscribedKva={pdl.subscribed_power} fileParts={fileParts} />
      )}
    </div>
  );
}
