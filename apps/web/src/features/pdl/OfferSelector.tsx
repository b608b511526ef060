import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EnergyOffer, Pdl } from '@med/contracts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { useSetSelectedOffer } from '../../hooks/usePdls.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { formatUnitPrice } from '../offers/money.ts';
import { priceKeyLabel } from '../offers/priceKeyLabel.ts';
import { useOffers } from '../offers/useOffers.ts';
import {
  changeOffer,
  changeProvider,
  choosableOffers,
  initialChoice,
  powerOptions,
  recordOfChoice,
  type OfferChoice,
} from './offerChoice.ts';

/**
 * The meter card's offer: what the meter is billed with (the costs and the simulator price with it),
 * and a provider → offer → power form starting from the contract. Not shown to the demo account.
 */
export function OfferSelector({ pdl }: { pdl: Pdl }) {
  const { t, i18n } = useTranslation();
  const current = useOffers(false);
  const selectedId = pdl.selected_offer_id;
  const selectedNow = current.data?.find((record) => record.id === selectedId);
  // A selection made before a price change names a closed record: look it up in the history.
  const history = useOffers(true, selectedId !== null && current.isSuccess && selectedNow === undefined);
  const selected = selectedNow ?? history.data?.find((record) => record.id === selectedId);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const save = useSetSelectedOffer();
  const titleId = useId();

  const describe = (record: EnergyOffer) =>
    t('offers.selector.currentPower', {
      offer: `${record.provider_name} — ${record.name} (${t(`offers.types.${record.offer_type}`)})`,
      power: record.power_kva,
    });

  let body;
  if (current.isPending || (selectedId !== null && selected === undefined && history.isLoading)) {
    body = <Spinner label={t('common.loading')} />;
  } else if (current.isError) {
    body = <Alert tone="error">{errorMessage(t, current.error)}</Alert>;
  } else if (editing) {
    body = (
      <OfferForm
        pdl={pdl}
        current={current.data ?? []}
        selected={selected}
        saving={save.isPending}
        onCancel={() => setEditing(false)}
        onSave={(offerId) =>
          save.mutate(
            { id: pdl.id, offerId },
            {
              onSuccess: () => {
                setEditing(false);
                setSaved(true);
              },
            },
          )
        }
      />
    );
  } else {
    body = (
      <>
        {selected ? (
          <>
            <p data-testid="selected-offer">{t('offers.selector.current', { offer: describe(selected) })}</p>
            <p className="mt-1 text-slate-600 dark:text-slate-400">
              {t('offers.selector.prices', {
                subscription: formatUnitPrice(selected.subscription_price, i18n.language),
                prices: Object.entries(selected.prices)
                  .map(([key, price]) => `${priceKeyLabel(t, key)} ${formatUnitPrice(price, i18n.language)}`)
                  .join(', '),
              })}
            </p>
            {selectedNow === undefined && <p className="mt-1">{t('offers.selector.outdated')}</p>}
          </>
        ) : (
          <p data-testid="selected-offer">{t('offers.selector.noneSelected')}</p>
        )}
        <div className="mt-2 flex flex-wrap gap-2">
          <Button
            variant="secondary"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {selectedId === null ? t('offers.selector.choose') : t('offers.selector.change')}
          </Button>
          {selectedId !== null && (
            <Button
              variant="secondary"
              disabled={save.isPending}
              onClick={() => save.mutate({ id: pdl.id, offerId: null }, { onSuccess: () => setSaved(false) })}
            >
              {t('offers.selector.clear')}
            </Button>
          )}
        </div>
        <p className="mt-2">
          <Link className="text-sky-700 underline dark:text-sky-300" to="/offers">
            {t('offers.selector.browse')}
          </Link>
        </p>
        {saved && (
          <Alert tone="success" className="mt-2">
            {t('offers.selector.saved')}
          </Alert>
        )}
      </>
    );
  }

  return (
    <section aria-labelledby={titleId} className="rounded-lg bg-slate-50 p-3 text-sm dark:bg-slate-800/60">
      <h4 id={titleId} className="mb-1 font-semibold">
        {t('offers.selector.title')}
      </h4>
      {body}
      {save.error && (
        <Alert tone="error" className="mt-2">
          {errorMessage(t, save.error)}
        </Alert>
      )}
    </section>
  );
}

interface OfferFormProps {
  pdl: Pdl;
  current: readonly EnergyOffer[];
  selected: EnergyOffer | undefined;
  saving: boolean;
  onCancel: () => void;
  onSave: (offerId: string) => void;
}

function OfferForm({ pdl, current, selected, saving, onCancel, onSave }: OfferFormProps) {
  const { t } = useTranslation();
  const meterPower = pdl.subscribed_power;
  const providers = useMemo(() => choosableOffers(current, meterPower), [current, meterPower]);
  const [choice, setChoice] = useState<OfferChoice | null>(() => initialChoice(pdl, providers, selected));
  if (choice === null) {
    return <p>{t('offers.selector.noOffer')}</p>;
  }
  const provider = providers.find((entry) => entry.providerId === choice.providerId);
  const powers = powerOptions(providers, choice, meterPower);
  const record = recordOfChoice(current, choice);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (record) {
          onSave(record.id);
        }
      }}
    >
      <fieldset className="grid min-w-0 grid-cols-1 gap-2 sm:grid-cols-3">
        <legend className="sr-only">{t('offers.selector.legend', { name: pdl.name ?? pdl.usage_point_id })}</legend>
        <SelectField
          label={t('offers.selector.provider')}
          value={choice.providerId}
          onChange={(event) => setChoice(changeProvider(providers, choice, event.target.value))}
        >
          {providers.map((entry) => (
            <option key={entry.providerId} value={entry.providerId}>
              {entry.providerName}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('offers.selector.offer')}
          value={choice.offerKey}
          onChange={(event) => setChoice(changeOffer(providers, choice, event.target.value))}
        >
          {provider?.offers.map((offer) => (
            <option key={offer.key} value={offer.key}>
              {`${offer.name} (${t(`offers.types.${offer.offerType}`)})`}
            </option>
          ))}
        </SelectField>
        {meterPower === null ? (
          <SelectField
            label={t('offers.selector.power')}
            value={choice.powerKva ?? ''}
            onChange={(event) => setChoice({ ...choice, powerKva: Number(event.target.value) })}
          >
            {powers.map((kva) => (
              <option key={kva} value={kva}>
                {t('offers.powerValue', { value: kva })}
              </option>
            ))}
          </SelectField>
        ) : (
          <p className="font-medium">
            {t('offers.selector.power')}
            <span className="mt-1 block font-normal">{t('offers.selector.meterPower', { value: meterPower })}</span>
          </p>
        )}
      </fieldset>
      {selected === undefined && pdl.pricing_option !== null && (
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          {t('offers.selector.fromContract', {
            option: t(`pricing.${pdl.pricing_option}`),
            power:
              meterPower === null ? t('offers.selector.unknownPower') : t('offers.powerValue', { value: meterPower }),
          })}
        </p>
      )}
      <div className="mt-2 flex flex-wrap gap-2">
        <Button type="submit" disabled={saving || record === undefined}>
          {saving ? t('common.saving') : t('common.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
