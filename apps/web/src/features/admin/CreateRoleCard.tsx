import type { Permission } from '@med/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { TextField } from '../../components/ui/TextField.tsx';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { PermissionChecklist } from './PermissionChecklist.tsx';
import { useCreateRole } from './useAdmin.ts';

const ROLE_NAME = /^[a-z][a-z0-9_]{1,49}$/;

export function CreateRoleCard({ permissions }: { permissions: Permission[] }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [description, setDescription] = useState('');
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [created, setCreated] = useState<string | null>(null);
  const create = useCreateRole();
  const nameInvalid = name !== '' && !ROLE_NAME.test(name);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!ROLE_NAME.test(name) || displayName.trim() === '') {
      return;
    }
    setCreated(null);
    create.mutate(
      {
        name,
        display_name: displayName.trim(),
        description: description.trim() === '' ? null : description.trim(),
        permission_ids: [...checked],
      },
      {
        onSuccess: (role) => {
          setCreated(role.display_name);
          setName('');
          setDisplayName('');
          setDescription('');
          setChecked(new Set());
        },
      },
    );
  };

  return (
    <Card title={t('admin.roles.create.title')}>
      <form className="space-y-4" onSubmit={onSubmit}>
        <TextField
          label={t('admin.roles.create.name')}
          hint={t('admin.roles.create.nameHint')}
          value={name}
          autoCapitalize="none"
          spellCheck={false}
          onChange={(event) => setName(event.target.value)}
          error={nameInvalid ? t('admin.roles.create.nameInvalid') : null}
          required
        />
        <TextField
          label={t('admin.roles.create.displayName')}
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          required
        />
        <TextField
          label={t('admin.roles.create.description')}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
        <PermissionChecklist
          legend={t('admin.roles.create.permissions')}
          permissions={permissions}
          checked={checked}
          onChange={setChecked}
        />
        {created && <Alert tone="success">{t('admin.roles.create.done', { role: created })}</Alert>}
        {create.error && <Alert tone="error">{errorMessage(t, create.error)}</Alert>}
        <Button type="submit" disabled={create.isPending || nameInvalid}>
          {t('admin.roles.create.submit')}
        </Button>
      </form>
    </Card>
  );
}
