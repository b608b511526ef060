import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buttonClass } from '../components/ui/buttonStyles.ts';
import { BoltIcon } from '../components/ui/icons.tsx';
import { DemoLoginButton } from '../features/consent/DemoLoginButton.tsx';
import { useMe } from '../hooks/useMe.ts';

const featureKeys = ['data', 'consent', 'api', 'privacy', 'local', 'open'] as const;
const stepKeys = ['account', 'pdl', 'consent', 'data', 'api'] as const;

function CallToAction() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (me) {
    return (
      <Link to="/dashboard" className={buttonClass('primary', 'w-full sm:w-auto')}>
        {t('landing.ctaDashboard')}
      </Link>
    );
  }
  return (
    <div className="flex flex-col gap-3 sm:flex-row">
      <Link to="/signup" className={buttonClass('primary', 'w-full sm:w-auto')}>
        {t('landing.ctaSignup')}
      </Link>
      <Link to="/login" className={buttonClass('secondary', 'w-full sm:w-auto')}>
        {t('landing.ctaLogin')}
      </Link>
      <DemoLoginButton />
    </div>
  );
}

export default function LandingPage() {
  const { t } = useTranslation();
  return (
    <div className="space-y-16 sm:space-y-24">
      <section className="grid items-center gap-8 pt-4 md:grid-cols-[3fr_2fr]">
        <div>
          <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">{t('landing.heroTitle')}</h1>
          <p className="mt-4 text-lg text-slate-700 dark:text-slate-300">{t('landing.heroText')}</p>
          <div className="mt-8">
            <CallToAction />
          </div>
        </div>
        <div aria-hidden="true" className="hidden justify-center md:flex">
          <div className="flex size-56 items-center justify-center rounded-3xl bg-gradient-to-br from-sky-500 to-sky-700 text-yellow-300 shadow-xl dark:from-sky-600 dark:to-sky-900">
            <BoltIcon width={120} height={120} strokeWidth={1.5} />
          </div>
        </div>
      </section>

      <section aria-labelledby="features-title">
        <h2 id="features-title" className="text-2xl font-bold sm:text-3xl">
          {t('landing.featuresTitle')}
        </h2>
        <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {featureKeys.map((key) => (
            <li
              key={key}
              className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
            >
              <h3 className="font-semibold">{t(`landing.features.${key}.title`)}</h3>
              <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{t(`landing.features.${key}.text`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="steps-title">
        <h2 id="steps-title" className="text-2xl font-bold sm:text-3xl">
          {t('landing.stepsTitle')}
        </h2>
        <ol className="mt-6 space-y-4">
          {stepKeys.map((key, index) => (
            <li key={key} className="flex gap-4">
              <span
                aria-hidden="true"
                className="flex size-9 shrink-0 items-center justify-center rounded-full bg-sky-700 font-bold text-white dark:bg-sky-500 dark:text-slate-950"
              >
                {index + 1}
              </span>
              <div>
                <h3 className="font-semibold">{t(`landing.steps.${key}.title`)}</h3>
                <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t(`landing.steps.${key}.text`)}</p>
              </div>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="closing-title" className="rounded-2xl bg-sky-50 p-6 sm:p-10 dark:bg-sky-950/40">
        <h2 id="closing-title" className="text-2xl font-bold">
          {t('landing.closingTitle')}
        </h2>
        <p className="mt-2 text-slate-700 dark:text-slate-300">{t('landing.closingText')}</p>
        <div className="mt-6">
          <CallToAction />
        </div>
      </section>
    </div>
  );
}
