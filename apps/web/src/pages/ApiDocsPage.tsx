import { useTranslation } from 'react-i18next';
import { Alert } from '../components/ui/Alert.tsx';
import { buttonClass } from '../components/ui/buttonStyles.ts';
import { Card } from '../components/ui/Card.tsx';
import { CodeBlock } from '../components/ui/CodeBlock.tsx';
import { apiExamples } from './apiExamples.ts';

export default function ApiDocsPage() {
  const { t } = useTranslation();
  const examples = apiExamples(window.location.origin);
  const label = t('apiDocs.exampleLabel');
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('apiDocs.title')}</h1>
        <p className="mt-2 text-slate-700 dark:text-slate-300">{t('apiDocs.intro')}</p>
        {/* Server routes, not SPA routes: plain links for a full page load. */}
        <div className="mt-4 flex flex-col gap-3 sm:flex-row">
          <a href="/api/docs" className={buttonClass('primary')}>
            {t('apiDocs.swagger')}
          </a>
          <a href="/api/openapi.json" className={buttonClass('secondary')}>
            {t('apiDocs.openapi')}
          </a>
        </div>
      </header>

      <h2 className="text-xl font-semibold">{t('apiDocs.authTitle')}</h2>
      <Card title={t('apiDocs.cookie.title')} headingLevel={3}>
        <p className="text-sm text-slate-700 dark:text-slate-300">{t('apiDocs.cookie.text')}</p>
        <CodeBlock label={label} code={examples.cookie} />
      </Card>
      <Card title={t('apiDocs.clientCredentials.title')} headingLevel={3}>
        <p className="text-sm text-slate-700 dark:text-slate-300">{t('apiDocs.clientCredentials.text')}</p>
        <CodeBlock label={label} code={examples.clientCredentials} />
      </Card>
      <Card title={t('apiDocs.apiKey.title')} headingLevel={3}>
        <p className="text-sm text-slate-700 dark:text-slate-300">{t('apiDocs.apiKey.text')}</p>
        <CodeBlock label={label} code={examples.apiKey} />
      </Card>
      <Alert tone="warning">{t('apiDocs.securityNote')}</Alert>
    </div>
  );
}
