import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buttonClass } from '../components/ui/buttonStyles.ts';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-md py-12 text-center">
      <p className="text-6xl font-bold text-sky-600 dark:text-sky-400">404</p>
      <h1 className="mt-4 text-2xl font-bold">{t('notFound.title')}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{t('notFound.text')}</p>
      <Link to="/" className={buttonClass('primary', 'mt-6')}>
        {t('notFound.home')}
      </Link>
    </div>
  );
}
