import { OFFER_TYPES, PRICE_KEYS, SUBSCRIBED_POWERS_KVA, type EnergyOffer, type OfferType } from '@med/contracts';
import { parisToday } from '@med/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/ApiError.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { TextField } from '../../components/ui/TextField.tsx';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { priceKeyLabel } from '../offers/priceKeyLabel.ts';
import { useOffers, useProviders } from '../offers/useOffers.ts';
import { draftFromOffer, emptyDraft, toContributionInput, type ContributionDraft } from './contributionDraft.ts';
import { useSubmitContribution } from './useContributions.ts';

const offerLabel = (offer: EnergyOffer) => `${offer.name} · ${offer.offer_type} · ${offer.power_kva} kVA`;

/** Propose a price change of an offer in force, or a new offer of a known provider (one power per proposal). */
export function ContributionForm() {
  const { t } = useTranslation();
  const today = parisToday(new Date());
  const providers = useProviders();
  const offers = useOffers(false);
  const submit = useSubmitContribution();
  const [draft, setDraft] = useState<ContributionDraft>(() => emptyDraft(today));
  const [sent, setSent] = useState<string | null>(null);
  const set = (patch: Partial<ContributionDraft>) => {
    setSent(null);
    setDraft((previous) => ({ ...previous, ...patch }));
  };
  const providerOffers = (offers.data ?? []).filter((offer) => offer.provider_id === draft.providerId);
  const isUpdate = draft.type === 'UPDATE_OFFER';
  const ready = draft.providerId !== '' && (!isUpdate || draft.offerId !== '');
  const fieldError = isApiError(submit.error) ? submit.error.field : undefined;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate(toContributionInput(draft), {
      onSuccess: (created) => {
        setSent(t('contribute.sent', { name: created.offer_name }));
        setDraft(emptyDraft(today));
      },
    });
  };

  return (
    <Card title={t('contribute.formTitle')}>
      <form className="space-y-4" onSubmit={onSubmit} noValidate>
        <fieldset>
          <legend className="mb-2 font-medium">{t('contribute.kind')}</legend>
          <div className="flex flex-wrap gap-4">
            {(['UPDATE_OFFER', 'NEW_OFFER'] as const).map((type) => (
              <label key={type} className="inline-flex min-h-11 items-center gap-2">
                <input
                  type="radio"
                  name="contribution-type"
                  checked={draft.type === type}
                  onChange={() => set({ type, offerId: '' })}
                />
                {t(`contribute.kinds.${type}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <SelectField
          label={t('contribute.provider')}
          value={draft.providerId}
          required
          onChange={(event) => set({ providerId: event.target.value, offerId: '' })}
        >
          <option value="">{t('contribute.choose')}</option>
          {(providers.data ?? []).map((provider) => (
            <option key={provider.id} value={provider.id}>
              {provider.name}
            </option>
          ))}
        </SelectField>
        {isUpdate ? (
          <SelectField
            label={t('contribute.offer')}
            value={draft.offerId}
            required
            disabled={draft.providerId === ''}
            onChange={(event) => {
              const offer = providerOffers.find((candidate) => candidate.id === event.target.value);
              setSent(null);
              setDraft((previous) => (offer ? draftFromOffer(previous, offer) : { ...previous, offerId: '' }));
            }}
          >
            <option value="">{t('contribute.choose')}</option>
            {providerOffers.map((offer) => (
              <option key={offer.id} value={offer.id}>
                {offerLabel(offer)}
              </option>
            ))}
          </SelectField>
        ) : (
          <div className="grid gap-4 sm:grid-cols-3">
            <TextField
              label={t('contribute.offerName')}
              value={draft.offerName}
              required
              maxLength={200}
              error={fieldError === 'offer_name' ? errorMessage(t, submit.error) : null}
              onChange={(event) => set({ offerName: event.target.value })}
            />
            <SelectField
              label={t('contribute.offerType')}
              value={draft.offerType}
              onChange={(event) => set({ offerType: event.target.value as OfferType, prices: {} })}
            >
              {OFFER_TYPES.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('contribute.power')}
              value={draft.powerKva}
              onChange={(event) => set({ powerKva: Number(event.target.value) })}
            >
              {SUBSCRIBED_POWERS_KVA.map((kva) => (
                <option key={kva} value={kva}>
                  {t('offers.powerValue', { value: kva })}
                </option>
              ))}
            </SelectField>
          </div>
        )}
        {ready && (
          <>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                label={t('contribute.validFrom')}
                type="date"
                value={draft.validFrom}
                required
                onChange={(event) => set({ validFrom: event.target.value })}
              />
              <TextField
                label={t('contribute.subscription')}
                inputMode="decimal"
                value={draft.subscription}
                required
                onChange={(event) => set({ subscription: event.target.value })}
              />
            </div>
            <fieldset>
              <legend className="mb-2 font-medium">{t('contribute.prices')}</legend>
              <div className="grid gap-4 sm:grid-cols-2">
                {PRICE_KEYS[draft.offerType].map((key) => (
                  <TextField
                    key={key}
                    label={t('contribute.priceOf', { band: priceKeyLabel(t, key) })}
                    inputMode="decimal"
                    value={draft.prices[key] ?? ''}
                    required
                    onChange={(event) => set({ prices: { ...draft.prices, [key]: event.target.value } })}
                  />
                ))}
              </div>
            </fieldset>
            <TextField
              label={t('contribute.priceSheet')}
              hint={t('contribute.priceSheetHint')}
              type="url"
              value={draft.priceSheetUrl}
              error={fieldError === 'price_sheet_url' ? errorMessage(t, submit.error) : null}
              onChange={(event) => set({ priceSheetUrl: event.target.value })}
            />
            <TextField
              label={t('contribute.description')}
              value={draft.description}
              maxLength={2000}
              onChange={(event) => set({ description: event.target.value })}
            />
          </>
        )}
        {submit.error && (
          <Alert tone="error">
            {errorMessage(t, submit.error)}
            {fieldError && ` ${t('contribute.field', { field: fieldError })}`}
          </Alert>
        )}
        {sent && <Alert tone="success">{sent}</Alert>}
        <Button type="submit" disabled={!ready || submit.isPending}>
          {submit.isPending ? t('contribute.sending') : t('contribute.submit')}
        </Button>
      </form>
    </Card>
  );
}
