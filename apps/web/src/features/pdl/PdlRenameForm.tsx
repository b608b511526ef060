import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pdl } from '@med/contracts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { TextField } from '../../components/ui/TextField.tsx';
import { useRenamePdl } from '../../hooks/usePdls.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';

interface PdlRenameFormProps {
  pdl: Pdl;
  onDone: () => void;
}

/** Inline rename; an empty name clears it (the card then shows the PDL number). */
export function PdlRenameForm({ pdl, onDone }: PdlRenameFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(pdl.name ?? '');
  const rename = useRenamePdl();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === (pdl.name ?? '')) {
      return onDone();
    }
    rename.mutate({ id: pdl.id, name: trimmed === '' ? null : trimmed }, { onSuccess: onDone });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      onDone();
    }
  };

  return (
    <form onSubmit={onSubmit} className="space-y-2">
      <TextField
        label={t('pdl.renameLabel', { id: pdl.usage_point_id })}
        hint={t('pdl.renameHint')}
        value={name}
        maxLength={100}
        // Focus moves into the field the user just asked to edit.
        autoFocus
        onChange={(event) => setName(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {rename.error && <Alert tone="error">{errorMessage(t, rename.error)}</Alert>}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={rename.isPending}>
          {rename.isPending ? t('common.saving') : t('common.save')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
