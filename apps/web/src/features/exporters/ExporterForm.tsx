import type { Exporter, ExporterType } from '@med/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { TextField } from '../../components/ui/TextField.tsx';
import { usePdls } from '../../hooks/usePdls.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';
import {
  initialValues,
  requestOf,
  validate,
  visibleFields,
  type ErrorKey,
  type FieldSpec,
  type FormValues,
} from './exporterForm.ts';
import { SecretField } from './SecretField.tsx';
import { useSaveExporter } from './useExporters.ts';

interface ExporterFormProps {
  type: ExporterType;
  existing?: Exporter | undefined;
  influxVersion?: '1' | '2' | undefined;
  onSaved: (exporter: Exporter) => void;
}

const checkboxClass = 'size-5 rounded border-slate-400 accent-sky-700 dark:accent-sky-400';

function Checkbox({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (value: boolean) => void;
}) {
  return (
    <label className="flex min-h-11 items-center gap-3 text-sm">
      <input
        type="checkbox"
        className={checkboxClass}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      {label}
    </label>
  );
}

/**
 * The settings of one exporter, per type, validated with the contract's schema before sending; secrets
 * are write-only (never prefilled, « enregistré » when stored).
 */
export function ExporterForm({ type, existing, influxVersion, onSaved }: ExporterFormProps) {
  const { t } = useTranslation();
  const editing = existing !== undefined;
  const [values, setValues] = useState<FormValues>(() => initialValues(type, existing, influxVersion));
  const [errors, setErrors] = useState<Record<string, ErrorKey>>({});
  const [saved, setSaved] = useState(false);
  const save = useSaveExporter(existing?.id);
  const meters = usePdls();

  const message = (field: string): string | undefined => {
    const error = errors[field];
    if (!error) {
      return undefined;
    }
    switch (error.key) {
      case 'required':
        return t('exporters.error.required');
      case 'range':
        return t('exporters.error.range', { min: error.min, max: error.max });
      case 'format':
        return t(`exporters.error.format.${error.field}`);
      case 'invalid':
        return t('exporters.error.invalid');
    }
  };
  const setConfig = (key: string, value: string | boolean): void =>
    setValues((previous) => ({ ...previous, config: { ...previous.config, [key]: value } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const found = validate(type, values, editing);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    const body = requestOf(type, values, editing);
    save.mutate(editing ? { ...body, export_type: undefined } : body, {
      onSuccess: (exporter) => {
        setSaved(true);
        setValues((previous) => ({ ...previous, secrets: {} }));
        onSaved(exporter);
      },
    });
  };

  const field = (spec: FieldSpec) => {
    const label = t(`exporters.field.${spec.key}`);
    const value = values.config[spec.key];
    switch (spec.kind) {
      case 'boolean':
        return (
          <Checkbox
            key={spec.key}
            label={label}
            checked={value === true}
            onChange={(next) => setConfig(spec.key, next)}
          />
        );
      case 'select':
        return (
          <SelectField
            key={spec.key}
            label={label}
            value={String(value)}
            onChange={(event) => setConfig(spec.key, event.target.value)}
          >
            {spec.options?.map((option) => (
              <option key={option} value={option}>
                {option === 'device' || option === 'component' ? t(`exporters.option.${option}`) : option}
              </option>
            ))}
          </SelectField>
        );
      case 'secret':
        return (
          <SecretField
            key={spec.key}
            label={label}
            stored={existing?.config[`has_${spec.key}`] === true}
            value={values.secrets[spec.key]}
            error={message(spec.key)}
            onChange={(next) =>
              setValues((previous) => {
                const secrets = { ...previous.secrets };
                if (next === undefined) {
                  delete secrets[spec.key];
                } else {
                  secrets[spec.key] = next;
                }
                return { ...previous, secrets };
              })
            }
          />
        );
      case 'text':
      case 'number':
        return (
          <TextField
            key={spec.key}
            label={label}
            inputMode={spec.kind === 'number' ? 'numeric' : undefined}
            value={String(value)}
            onChange={(event) => setConfig(spec.key, event.target.value)}
            error={message(spec.key)}
            spellCheck={false}
            autoCapitalize="none"
          />
        );
    }
  };

  const meterList = meters.data ?? [];
  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <fieldset className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 sm:p-6 dark:border-slate-800 dark:bg-slate-900">
        <legend className="px-1 text-lg font-semibold">{t('exporters.form.settings')}</legend>
        <TextField
          label={t('exporters.form.name')}
          value={values.name}
          onChange={(event) => setValues((previous) => ({ ...previous, name: event.target.value }))}
          error={message('name')}
        />
        {type === 'influxdb' && (
          <SelectField
            label={t('exporters.field.version')}
            value={String(values.config.version)}
            onChange={(event) => setConfig('version', event.target.value)}
          >
            <option value="1">{t('exporters.type.influxdb1')}</option>
            <option value="2">{t('exporters.type.influxdb2')}</option>
          </SelectField>
        )}
        <div className="grid gap-4 sm:grid-cols-2">{visibleFields(type, values.config).map(field)}</div>
      </fieldset>
      <fieldset className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 sm:p-6 dark:border-slate-800 dark:bg-slate-900">
        <legend className="px-1 text-lg font-semibold">{t('exporters.form.what')}</legend>
        <Checkbox
          label={t('exporters.form.enabled')}
          checked={values.isEnabled}
          onChange={(next) => setValues((previous) => ({ ...previous, isEnabled: next }))}
        />
        <fieldset>
          <legend className="text-sm font-medium">{t('exporters.form.meters')}</legend>
          <p className="text-xs text-slate-600 dark:text-slate-400">{t('exporters.form.metersHint')}</p>
          {meterList.length === 0 && <p className="text-sm">{t('exporters.form.noMeters')}</p>}
          {meterList.map((meter) => (
            <Checkbox
              key={meter.usage_point_id}
              label={meter.name ? `${meter.name} (${meter.usage_point_id})` : meter.usage_point_id}
              checked={values.usagePointIds.includes(meter.usage_point_id)}
              onChange={(next) =>
                setValues((previous) => ({
                  ...previous,
                  usagePointIds: next
                    ? [...previous.usagePointIds, meter.usage_point_id]
                    : previous.usagePointIds.filter((id) => id !== meter.usage_point_id),
                }))
              }
            />
          ))}
        </fieldset>
        <div className="grid gap-x-4 sm:grid-cols-2">
          {(['consumption', 'production', 'daily', 'detailed'] as const).map((scope) => (
            <Checkbox
              key={scope}
              label={t(`exporters.form.${scope}`)}
              checked={values[scope]}
              onChange={(next) => setValues((previous) => ({ ...previous, [scope]: next }))}
            />
          ))}
        </div>
        <fieldset>
          <legend className="text-sm font-medium">{t('exporters.form.schedule')}</legend>
          {([false, true] as const).map((scheduled) => (
            <label key={String(scheduled)} className="flex min-h-11 items-center gap-3 text-sm">
              <input
                type="radio"
                name="schedule"
                className={checkboxClass}
                checked={values.scheduled === scheduled}
                onChange={() => setValues((previous) => ({ ...previous, scheduled }))}
              />
              {scheduled ? t('exporters.form.scheduled') : t('exporters.form.manual')}
            </label>
          ))}
          {values.scheduled && (
            <TextField
              className="mt-2 max-w-xs"
              label={t('exporters.form.interval')}
              inputMode="numeric"
              value={values.intervalMinutes}
              onChange={(event) => setValues((previous) => ({ ...previous, intervalMinutes: event.target.value }))}
              error={message('interval')}
            />
          )}
        </fieldset>
      </fieldset>
      {Object.keys(errors).length > 0 && <Alert tone="error">{t('exporters.form.fixErrors')}</Alert>}
      {save.error && (
        <Alert tone="error" title={t('exporters.form.saveFailed')}>
          {errorMessage(t, save.error)}
        </Alert>
      )}
      {saved && !save.isPending && <Alert tone="success">{t('exporters.form.saved')}</Alert>}
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? t('common.saving') : editing ? t('exporters.form.save') : t('exporters.form.create')}
      </Button>
    </form>
  );
}
