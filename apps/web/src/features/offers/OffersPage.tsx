import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRuntimeConfig } from '../../hooks/useRuntimeConfig.ts';
import { OFFER_TYPES, SUBSCRIBED_POWERS_KVA, type OfferType } from '@med/contracts';
import { parisToday } from '@med/core';
import { Card } from '../../components/ui/Card.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { QueryState } from '../rte/QueryState.tsx';
import { groupByProvider } from './offerCatalogue.ts';
import { OfferCard } from './OfferCard.tsx';
import { useOffers, useProviders } from './useOffers.ts';

const DEFAULT_POWER_KVA = 6;

/** Public offers browser: providers, their offers at a power, and each offer's price history. */
export default function OffersPage() {
  const { t } = useTranslation();
  const { serverMode } = useRuntimeConfig();
  const offersQuery = useOffers(true);
  const providersQuery = useProviders();
  const [providerId, setProviderId] = useState('');
  const [offerType, setOfferType] = useState<OfferType | ''>('');
  const [powerKva, setPowerKva] = useState(DEFAULT_POWER_KVA);
  const today = parisToday(new Date());

  const providers = useMemo(() => groupByProvider(offersQuery.data ?? []), [offersQuery.data]);
  const websites = new Map((providersQuery.data ?? []).map((provider) => [provider.id, provider.website]));
  const shown = providers
    .filter((provider) => providerId === '' || provider.providerId === providerId)
    .map((provider) => ({
      ...provider,
      offers: provider.offers.filter(
        (offer) => (offerType === '' || offer.offerType === offerType) && offer.powers.includes(powerKva),
      ),
    }))
    .filter((provider) => provider.offers.length > 0);
  const count = shown.reduce((sum, provider) => sum + provider.offers.length, 0);

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('offers.title')}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t('offers.intro')}</p>
        {serverMode && (
          <p className="mt-2">
            <Link to="/contribute" className="font-medium text-sky-800 underline dark:text-sky-300">
              {t('contribute.offersLink')}
            </Link>
          </p>
        )}
      </header>
      <QueryState query={offersQuery}>
        {() => (
          <>
            <form
              aria-label={t('offers.filters')}
              className="grid grid-cols-1 gap-3 sm:grid-cols-3"
              onSubmit={(event) => event.preventDefault()}
            >
              <SelectField
                label={t('offers.provider')}
                className="text-sm"
                value={providerId}
                onChange={(e) => setProviderId(e.target.value)}
              >
                <option value="">{t('offers.allProviders')}</option>
                {providers.map((provider) => (
                  <option key={provider.providerId} value={provider.providerId}>
                    {provider.providerName}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label={t('offers.offerType')}
                className="text-sm"
                value={offerType}
                onChange={(e) => setOfferType(e.target.value as OfferType | '')}
              >
                <option value="">{t('offers.allTypes')}</option>
                {OFFER_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`offers.types.${type}`)}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label={t('offers.power')}
                className="text-sm"
                value={powerKva}
                onChange={(e) => setPowerKva(Number(e.target.value))}
              >
                {SUBSCRIBED_POWERS_KVA.map((kva) => (
                  <option key={kva} value={kva}>
                    {t('offers.powerValue', { value: kva })}
                  </option>
                ))}
              </SelectField>
            </form>
            <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
              {count === 0 ? t('offers.none') : t('offers.count', { count })}
            </p>
            {shown.map((provider) => {
              const website = websites.get(provider.providerId);
              return (
                <Card key={provider.providerId} title={provider.providerName}>
                  {website && (
                    <p className="-mt-2 mb-3 text-sm">
                      <a
                        className="text-sky-700 underline dark:text-sky-300"
                        href={website}
                        target="_blank"
                        rel="noreferrer"
                      >
                        {t('offers.website', { name: provider.providerName })}
                      </a>
                    </p>
                  )}
                  <div className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-3">
                    {provider.offers.map((offer) => (
                      <OfferCard key={offer.key} offer={offer} powerKva={powerKva} today={today} />
                    ))}
                  </div>
                </Card>
              );
            })}
          </>
        )}
      </QueryState>
    </div>
  );
}
