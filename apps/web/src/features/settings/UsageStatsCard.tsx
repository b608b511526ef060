import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { useUsageStats } from '../../hooks/useAccount.ts';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import { usageRatio } from './usage.ts';

function UsageMeter({ label, used, limit }: { label: string; used: number; limit: number | null }) {
  const { t, i18n } = useTranslation();
  const ratio = usageRatio(used, limit);
  const text =
    limit === null
      ? t('settings.usage.unlimited', { used: formatInteger(used, i18n.language) })
      : t('settings.usage.ofLimit', {
          used: formatInteger(used, i18n.language),
          limit: formatInteger(limit, i18n.language),
        });
  return (
    <div>
      <div className="flex flex-wrap justify-between gap-x-4 text-sm">
        <span>{label}</span>
        <span className="font-medium">{text}</span>
      </div>
      {ratio !== null && (
        <div
          role="meter"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={limit ?? 0}
          aria-valuenow={used}
          aria-valuetext={text}
          className="mt-1 h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
        >
          <div
            className={`h-full rounded-full ${ratio >= 0.9 ? 'bg-red-500' : ratio >= 0.7 ? 'bg-amber-500' : 'bg-sky-600 dark:bg-sky-400'}`}
            style={{ width: `${ratio * 100}%` }}
          />
        </div>
      )}
    </div>
  );
}

export function UsageStatsCard() {
  const { t, i18n } = useTranslation();
  const stats = useUsageStats();
  return (
    <Card title={t('settings.usage.title')}>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t('settings.usage.intro')}</p>
      <div className="mt-4 space-y-4">
        {stats.isPending ? (
          <Spinner label={t('common.loading')} />
        ) : stats.isError ? (
          <Alert tone="error">{t('settings.usage.loadError')}</Alert>
        ) : (
          <>
            <UsageMeter
              label={t('settings.usage.cached')}
              used={stats.data.cached_requests}
              limit={stats.data.cached_limit}
            />
            <UsageMeter
              label={t('settings.usage.noCache')}
              used={stats.data.no_cache_requests}
              limit={stats.data.no_cache_limit}
            />
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {t('settings.usage.resetAt', { value: formatDateTime(stats.data.reset_at, i18n.language) })}
            </p>
          </>
        )}
      </div>
    </Card>
  );
}
