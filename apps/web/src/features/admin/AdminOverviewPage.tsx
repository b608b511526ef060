import type { AdminStats } from '@med/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../charts/EChart.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import { ChartCard } from '../charts/ChartCard.tsx';
import { AdminQuery } from './AdminQuery.tsx';
import { dailyCallsOption, dailyCallsTable } from './statsChart.ts';
import { tableClass, tableWrapClass, tdClass, thClass } from './tableStyles.ts';
import { useAdminStats } from './useAdmin.ts';

const COLORS = { cached: '#0284c7', noCache: '#d97706', errors: '#dc2626' };

function Figures({ title, items }: { title: string; items: { label: string; value: string }[] }) {
  return (
    <Card title={title}>
      <dl className="grid grid-cols-2 gap-3">
        {items.map((item) => (
          <div key={item.label}>
            <dt className="text-sm text-slate-600 dark:text-slate-400">{item.label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{item.value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

function DailyChart({ stats }: { stats: AdminStats }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const labels = useMemo(
    () => ({
      cached: t('admin.overview.series.cached'),
      noCache: t('admin.overview.series.noCache'),
      enedisErrors: t('admin.overview.series.enedisErrors'),
      day: t('admin.overview.series.day'),
    }),
    [t],
  );
  const option = useMemo(
    () => dailyCallsOption(stats.daily, labels, language, COLORS),
    [stats.daily, labels, language],
  );
  const totals = stats.daily.reduce(
    (sum, day) => ({ calls: sum.calls + day.cached + day.no_cache, errors: sum.errors + day.enedis_errors }),
    { calls: 0, errors: 0 },
  );
  return (
    <ChartCard
      title={t('admin.overview.dailyTitle')}
      description={t('admin.overview.dailyText')}
      table={dailyCallsTable(stats.daily, labels)}
      fileParts={['admin-appels']}
    >
      <EChart
        option={option}
        height={300}
        ariaLabel={t('admin.overview.dailyAria', {
          days: stats.daily.length,
          calls: formatInteger(totals.calls, language),
          errors: formatInteger(totals.errors, language),
        })}
      />
    </ChartCard>
  );
}

function Overview({ stats }: { stats: AdminStats }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatInteger(value, i18n.language);
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t('admin.overview.generatedAt', { value: formatDateTime(stats.generated_at, i18n.language) })}
      </p>
      <div className="grid grid-cols-1 gap-6 md:grid-cols-3">
        <Figures
          title={t('admin.overview.users')}
          items={[
            { label: t('admin.overview.total'), value: n(stats.users.total) },
            { label: t('admin.overview.active'), value: n(stats.users.active) },
            { label: t('admin.overview.verified'), value: n(stats.users.verified) },
            { label: t('admin.overview.newThisMonth'), value: n(stats.users.new_this_month) },
          ]}
        />
        <Figures
          title={t('admin.overview.callsToday')}
          items={[
            { label: t('admin.overview.cached'), value: n(stats.calls_today.cached) },
            { label: t('admin.overview.noCache'), value: n(stats.calls_today.no_cache) },
            { label: t('admin.overview.total'), value: n(stats.calls_today.total) },
            {
              label: t('admin.overview.hitRate'),
              value:
                stats.cache_hit_rate === null
                  ? '—'
                  : new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', {
                      style: 'percent',
                      maximumFractionDigits: 1,
                    }).format(stats.cache_hit_rate / 100),
            },
          ]}
        />
        <Figures
          title={t('admin.overview.enedisToday')}
          items={[
            { label: t('admin.overview.enedisCalls'), value: n(stats.enedis_today.calls) },
            { label: t('admin.overview.throttled'), value: n(stats.enedis_today.throttled) },
            { label: t('admin.overview.serverErrors'), value: n(stats.enedis_today.server_errors) },
            { label: t('admin.overview.retries'), value: n(stats.enedis_today.retries) },
          ]}
        />
      </div>
      <DailyChart stats={stats} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card title={t('admin.overview.endpoints')}>
          {stats.endpoints.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">{t('admin.overview.noCalls')}</p>
          ) : (
            <div className={tableWrapClass} tabIndex={0} role="region" aria-label={t('admin.overview.endpoints')}>
              <table className={tableClass}>
                <thead>
                  <tr>
                    <th className={thClass}>{t('admin.overview.endpoint')}</th>
                    <th className={`${thClass} text-right`}>{t('admin.overview.cached')}</th>
                    <th className={`${thClass} text-right`}>{t('admin.overview.noCache')}</th>
                    <th className={`${thClass} text-right`}>{t('admin.overview.total')}</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.endpoints.map((row) => (
                    <tr key={row.endpoint}>
                      <td className={`${tdClass} font-mono text-xs`}>{row.endpoint}</td>
                      <td className={`${tdClass} text-right tabular-nums`}>{n(row.cached)}</td>
                      <td className={`${tdClass} text-right tabular-nums`}>{n(row.no_cache)}</td>
                      <td className={`${tdClass} text-right tabular-nums`}>{n(row.total)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
        <Card title={t('admin.overview.topUsers')}>
          {stats.top_users.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">{t('admin.overview.noCalls')}</p>
          ) : (
            <ol className="divide-y divide-slate-200 dark:divide-slate-800">
              {stats.top_users.map((user) => (
                <li key={user.user_id} className="flex items-baseline justify-between gap-3 py-2 text-sm">
                  <span className="min-w-0 break-all">{user.email ?? t('admin.overview.deletedUser')}</span>
                  <span className="shrink-0 tabular-nums">{t('admin.overview.calls', { count: user.calls })}</span>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </div>
  );
}

export default function AdminOverviewPage() {
  const { t } = useTranslation();
  const query = useAdminStats();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold sm:text-3xl">{t('admin.overview.title')}</h1>
      <AdminQuery query={query}>{(stats) => <Overview stats={stats} />}</AdminQuery>
    </div>
  );
}
