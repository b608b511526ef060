import type { RoleDetail } from '@med/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { TextField } from '../../components/ui/TextField.tsx';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { useCreateUser } from './useAdmin.ts';

/**
 * Invite someone (`users.edit`): the account is created without a password and the server mails a link
 * to set one. The role can be chosen by holders of `roles` (who can read the roles); others invite visitors.
 */
export function CreateUserCard({ roles }: { roles: RoleDetail[] | undefined }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [email, setEmail] = useState('');
  const [roleId, setRoleId] = useState('');
  const [done, setDone] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    create.mutate(
      { email: email.trim(), ...(roleId === '' ? {} : { role_id: roleId }) },
      {
        onSuccess: (user) => {
          setDone(t('admin.users.create.done', { email: user.email }));
          setEmail('');
          setRoleId('');
        },
      },
    );
  };

  return (
    <Card title={t('admin.users.create.title')}>
      <form className="grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end" onSubmit={onSubmit}>
        <TextField
          label={t('admin.users.create.email')}
          type="email"
          autoComplete="off"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        {roles && (
          <SelectField label={t('admin.users.create.role')} value={roleId} onChange={(e) => setRoleId(e.target.value)}>
            <option value="">{t('admin.users.create.defaultRole')}</option>
            {roles.map((role) => (
              <option key={role.id} value={role.id}>
                {role.display_name}
              </option>
            ))}
          </SelectField>
        )}
        <Button type="submit" disabled={create.isPending || email.trim() === ''}>
          {create.isPending ? t('admin.users.create.sending') : t('admin.users.create.submit')}
        </Button>
      </form>
      {done && (
        <Alert tone="success" className="mt-3">
          {done}
        </Alert>
      )}
      {create.error && (
        <Alert tone="error" className="mt-3">
          {errorMessage(t, create.error)}
        </Alert>
      )}
    </Card>
  );
}
