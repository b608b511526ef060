import type { SyncProgressEvent } from '@med/contracts';
import type { TFunction } from 'i18next';

const KNOWN_STATUSES = ['ok', 'partial', 'error', 'quota_exceeded', 'never', 'running'] as const;
type KnownStatus = (typeof KNOWN_STATUSES)[number];

function isKnownStatus(status: string): status is KnownStatus {
  return (KNOWN_STATUSES as readonly string[]).includes(status);
}

/** A data set's status in words; a status this build does not know is shown as it came. */
export function statusLabel(t: TFunction, status: string): string {
  return isKnownStatus(status) ? t(`sync.status.${status}`) : t('sync.status.unknown', { status });
}

const DATASETS = [
  'contract',
  'address',
  'consumption_daily',
  'consumption_curve',
  'max_power',
  'production_daily',
  'production_curve',
  'meters',
] as const;
type KnownDataset = (typeof DATASETS)[number];

export function datasetLabel(t: TFunction, dataset: string): string {
  return (DATASETS as readonly string[]).includes(dataset) ? t(`sync.dataset.${dataset as KnownDataset}`) : dataset;
}

/** One line for a progress event, in the reader's language (the server's own text only for failures). */
export function progressLabel(t: TFunction, event: SyncProgressEvent, meterName: (prm: string) => string): string {
  switch (event.type) {
    case 'started':
      return t('sync.progress.started');
    case 'dataset':
      return t('sync.progress.dataset', {
        meter: event.usage_point_id ? meterName(event.usage_point_id) : '',
        dataset: datasetLabel(t, event.dataset ?? ''),
      });
    case 'finished':
      return t('sync.progress.finished');
    case 'quota_exceeded':
      return t('sync.progress.quota_exceeded', { message: event.message });
    case 'failed':
      return t('sync.progress.failed', { message: event.message });
  }
}
