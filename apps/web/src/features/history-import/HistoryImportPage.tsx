import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { inputClass } from '../../components/ui/fieldStyles.ts';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { usePdls } from '../../hooks/usePdls.ts';
import { importHistoryFile } from './history-import.api.ts';
import { ImportResult, type FileOutcome } from './ImportResult.tsx';

/** Sends the files one after the other: each is its own transaction and its own report. */
async function importAll(usagePointId: string, files: readonly File[]): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    try {
      outcomes.push({ fileName: file.name, state: 'done', report: await importHistoryFile(usagePointId, file) });
    } catch (error) {
      outcomes.push({ fileName: file.name, state: 'failed', error });
    }
  }
  return outcomes;
}

/** Client mode: import the CSV files of the Enedis customer area into one meter's local history. */
export default function HistoryImportPage() {
  const { t } = useTranslation();
  const meterId = useId();
  const filesId = useId();
  const hintId = useId();
  const { data: pdls, error: pdlsError, isPending } = usePdls();
  const [meter, setMeter] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const upload = useMutation({
    mutationFn: ({ usagePointId, chosen }: { usagePointId: string; chosen: File[] }) => importAll(usagePointId, chosen),
  });
  const selected = meter || pdls?.[0]?.usage_point_id || '';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (selected && files.length > 0) {
      upload.mutate({ usagePointId: selected, chosen: files });
    }
  };

  return (
    <div className="space-y-6">
      <header className="max-w-3xl">
        <h1 className="text-2xl font-bold sm:text-3xl">{t('historyImport.title')}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t('historyImport.intro')}</p>
        <p className="mt-2">
          <TextLink to="/sync">{t('historyImport.backToSync')}</TextLink>
        </p>
      </header>
      {isPending && <Spinner label={t('common.loading')} />}
      {pdlsError && <Alert tone="error">{errorMessage(t, pdlsError)}</Alert>}
      {pdls?.length === 0 && <Alert tone="info">{t('historyImport.noMeters')}</Alert>}
      {pdls && pdls.length > 0 && (
        <Card>
          <form onSubmit={onSubmit} className="space-y-4">
            <div>
              <label htmlFor={meterId} className="mb-1 block text-sm font-medium">
                {t('historyImport.meter')}
              </label>
              <select
                id={meterId}
                className={inputClass}
                value={selected}
                onChange={(event) => setMeter(event.target.value)}
              >
                {pdls.map((pdl) => (
                  <option key={pdl.usage_point_id} value={pdl.usage_point_id}>
                    {pdl.name ? `${pdl.name} (${pdl.usage_point_id})` : pdl.usage_point_id}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={filesId} className="mb-1 block text-sm font-medium">
                {t('historyImport.files')}
              </label>
              <input
                id={filesId}
                type="file"
                multiple
                accept=".csv,.txt,text/csv,text/plain"
                aria-describedby={hintId}
                className={inputClass}
                onChange={(event) => setFiles([...(event.target.files ?? [])])}
              />
              <p id={hintId} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                {t('historyImport.filesHint')}
              </p>
            </div>
            <Button type="submit" disabled={upload.isPending || files.length === 0}>
              {upload.isPending ? t('historyImport.importing') : t('historyImport.submit')}
            </Button>
          </form>
        </Card>
      )}
      {upload.data && (
        <section aria-labelledby="import-results" className="space-y-3">
          <h2 id="import-results" className="text-lg font-semibold">
            {t('historyImport.results')}
          </h2>
          {upload.data.map((outcome, index) => (
            <ImportResult key={`${outcome.fileName}-${index}`} outcome={outcome} />
          ))}
        </section>
      )}
    </div>
  );
}
