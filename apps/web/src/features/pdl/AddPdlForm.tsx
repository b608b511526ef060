import { ErrorCode } from '@med/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/ApiError.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { TextField } from '../../components/ui/TextField.tsx';
import { useCreatePdl } from '../../hooks/usePdls.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { isValidUsagePointId, normalizeUsagePointId } from './usagePointId.ts';

export function AddPdlForm() {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const create = useCreatePdl();

  const invalid = touched && !isValidUsagePointId(number);
  const serverError = create.error;
  // A server-side refusal of the number itself is shown under the field, in the same words as ours.
  const numberRejected =
    isApiError(serverError) && (serverError.field === 'usage_point_id' || serverError.code === ErrorCode.INVALID_PDL);
  const numberError = invalid || numberRejected ? t('pdl.add.invalid') : null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (!isValidUsagePointId(number)) {
      return;
    }
    const trimmedName = name.trim();
    create.mutate(
      { usage_point_id: normalizeUsagePointId(number), ...(trimmedName ? { name: trimmedName } : {}) },
      {
        onSuccess: () => {
          setNumber('');
          setName('');
          setTouched(false);
        },
      },
    );
  };

  return (
    <Card title={t('pdl.add.title')}>
      <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
        <TextField
          label={t('pdl.add.numberLabel')}
          inputMode="numeric"
          autoComplete="off"
          placeholder="12345678901234"
          value={number}
          onChange={(event) => {
            setNumber(event.target.value);
            if (create.isError || create.isSuccess) {
              create.reset();
            }
          }}
          onBlur={() => setTouched(number !== '')}
          hint={t('pdl.add.numberHint')}
          error={numberError}
        />
        <TextField
          label={t('pdl.add.nameLabel')}
          placeholder={t('pdl.add.namePlaceholder')}
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <Button type="submit" className="sm:mt-6" disabled={create.isPending}>
          {create.isPending ? t('pdl.add.submitting') : t('pdl.add.submit')}
        </Button>
      </form>
      {serverError && !numberRejected && (
        <Alert tone="error" className="mt-4">
          {errorMessage(t, serverError)}
        </Alert>
      )}
      {create.isSuccess && (
        <Alert tone="success" className="mt-4">
          {t('pdl.add.added')}
        </Alert>
      )}
    </Card>
  );
}
