import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { buttonClass } from '../../components/ui/buttonStyles.ts';

export function MeteringEmpty({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <div className="rounded-xl border border-dashed border-slate-300 p-6 text-sm dark:border-slate-700">
      <p className="text-slate-700 dark:text-slate-300">{text}</p>
      <Link to="/dashboard" className={buttonClass('secondary', 'mt-4')}>
        {t('metering.empty.toDashboard')}
      </Link>
    </div>
  );
}
