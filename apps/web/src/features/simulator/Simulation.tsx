import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SUBSCRIBED_POWERS_KVA, type Pdl, type SimulatorRequest } from '@med/contracts';
import { addDays, parisToday } from '@med/core';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { inputClass } from '../../components/ui/fieldStyles.ts';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { formatDate } from '../../lib/format.ts';
import { costPeriods } from '../costs/costView.ts';
import { formatEuros } from '../offers/money.ts';
import { RankingTable } from './RankingTable.tsx';
import { bestSaving } from './simulatorView.ts';
import { useSimulation } from './useSimulator.ts';

const CUSTOM = 'custom';

/** The simulation form (period, power what-if) and its ranked result; the form is left out of the printout. */
export function Simulation({ pdl }: { pdl: Pdl }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const today = parisToday(new Date());
  const periods = useMemo(() => costPeriods(today, pdl.activation_date), [today, pdl.activation_date]);
  const first = periods[0];
  const [periodId, setPeriodId] = useState(first?.id ?? CUSTOM);
  const [customStart, setCustomStart] = useState(first?.start ?? addDays(today, -30));
  const [customEnd, setCustomEnd] = useState(addDays(today, -1));
  const [power, setPower] = useState<number | null>(null);
  const [lowConfidence, setLowConfidence] = useState(false);
  const draft = (): SimulatorRequest => {
    const chosen = periods.find((entry) => entry.id === periodId);
    return {
      usage_point_id: pdl.usage_point_id,
      // The form asks for the last day; the API takes the day after it (end excluded).
      start: chosen?.start ?? customStart,
      end: chosen?.end ?? addDays(customEnd, 1),
      ...(power === null ? {} : { power_kva: power }),
      include_low_confidence: lowConfidence,
    };
  };
  const [body, setBody] = useState<SimulatorRequest>(draft);
  const query = useSimulation(body);
  const periodLabel = (id: string) =>
    id === 'rolling' ? t('costs.periods.rolling') : t('costs.periods.year', { year: id });

  return (
    <div className="space-y-6">
      <form
        aria-label={t('simulator.form')}
        className="grid grid-cols-1 items-end gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4 dark:border-slate-800 dark:bg-slate-900 print:hidden"
        onSubmit={(event) => {
          event.preventDefault();
          setBody(draft());
        }}
      >
        <SelectField
          label={t('simulator.period')}
          value={periodId}
          onChange={(event) => setPeriodId(event.target.value)}
        >
          {periods.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {periodLabel(entry.id)}
            </option>
          ))}
          <option value={CUSTOM}>{t('simulator.custom')}</option>
        </SelectField>
        {periodId === CUSTOM && (
          <>
            <label className="block font-medium">
              {t('simulator.start')}
              <input
                type="date"
                className={`${inputClass} mt-1`}
                value={customStart}
                max={customEnd}
                onChange={(event) => setCustomStart(event.target.value)}
              />
            </label>
            <label className="block font-medium">
              {t('simulator.end')}
              <input
                type="date"
                className={`${inputClass} mt-1`}
                value={customEnd}
                min={customStart}
                max={addDays(today, -1)}
                onChange={(event) => setCustomEnd(event.target.value)}
              />
            </label>
          </>
        )}
        <SelectField
          label={t('simulator.power')}
          value={power ?? ''}
          onChange={(event) => setPower(event.target.value === '' ? null : Number(event.target.value))}
        >
          <option value="">
            {pdl.subscribed_power === null
              ? t('offers.selector.unknownPower')
              : t('simulator.meterPower', { value: pdl.subscribed_power })}
          </option>
          {SUBSCRIBED_POWERS_KVA.filter((kva) => kva !== pdl.subscribed_power).map((kva) => (
            <option key={kva} value={kva}>
              {t('offers.powerValue', { value: kva })}
            </option>
          ))}
        </SelectField>
        <label className="flex min-h-11 items-center gap-2">
          <input
            type="checkbox"
            className="size-5"
            checked={lowConfidence}
            onChange={(event) => setLowConfidence(event.target.checked)}
          />
          {t('simulator.lowConfidence')}
        </label>
        <div className="flex flex-wrap gap-2">
          <Button type="submit">{t('simulator.run')}</Button>
          {query.isSuccess && (
            <Button variant="secondary" onClick={() => window.print()}>
              {t('simulator.print')}
            </Button>
          )}
        </div>
      </form>

      {query.isPending ? (
        <Spinner label={t('simulator.loading')} />
      ) : query.isError ? (
        <Alert tone="error">{errorMessage(t, query.error)}</Alert>
      ) : (
        <section className="space-y-4" aria-labelledby="simulation-report">
          <h2 id="simulation-report" className="text-lg font-semibold">
            {t('simulator.report', {
              date: formatDate(today, language),
              pdl: pdl.usage_point_id,
              start: formatDate(query.data.start, language),
              end: formatDate(addDays(query.data.end, -1), language),
              power: query.data.power_kva,
            })}
          </h2>
          <Summary result={query.data} />
          <RankingTable result={query.data} />
        </section>
      )}
    </div>
  );
}

function Summary({ result }: { result: Parameters<typeof RankingTable>[0]['result'] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const current = result.offers.find((offer) => offer.offer.key === result.selected_offer_key);
  const best = bestSaving(result);
  const name = (offer: { offer: { provider: string; name: string } }) =>
    `${offer.offer.provider} — ${offer.offer.name}`;
  return (
    <div className="space-y-2 text-sm">
      {current && result.selected_total_eur !== null ? (
        <p data-testid="simulator-current">
          {t('simulator.current', { offer: name(current), total: formatEuros(result.selected_total_eur, language) })}
        </p>
      ) : (
        <Alert tone="info">
          {t('simulator.noCurrent')}{' '}
          <Link className="text-sky-700 underline dark:text-sky-300" to="/dashboard">
            {t('costs.chooseOffer')}
          </Link>
        </Alert>
      )}
      {current &&
        (best ? (
          <p className="font-semibold text-emerald-800 dark:text-emerald-300" data-testid="simulator-best">
            {t('simulator.best', { offer: name(best), saving: formatEuros(-(best.difference_eur ?? 0), language) })}
          </p>
        ) : (
          <p>{t('simulator.noSaving')}</p>
        ))}
      {result.excluded_low_confidence > 0 && (
        <p>{t('simulator.excluded', { count: result.excluded_low_confidence })}</p>
      )}
      <p className="print:hidden">
        <Link className="text-sky-700 underline dark:text-sky-300" to="/offers">
          {t('offers.selector.browse')}
        </Link>
      </p>
    </div>
  );
}
