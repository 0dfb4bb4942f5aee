import { useRef, useState } from 'react';
import { PASSWORD_RULE_TEXT } from '#contract/password-rule';
import { ApiError, api } from '../../api/client';
import { useAuth } from '../../app/auth/AuthContext';
import { t } from '../../labels';
import { FormMessage, TextField } from '../../ui/fields';
import { field, useSubmit } from '../../ui/useSubmit';
import { PasswordStrength } from './PasswordStrength';

/** "Mijn account": a new password, proving the current one; other browsers are logged out. */
export function ChangePasswordForm({ email }: { email: string }) {
  const { signIn } = useAuth();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const { onSubmit, busy, errors, error } = useSubmit(
    async (data) => {
      if (field(data, 'newPassword') !== field(data, 'repeat')) {
        throw new ApiError(400, 'VALIDATION_FAILED', '', [
          { path: 'repeat', in: 'body', message: 'De twee wachtwoorden zijn niet gelijk.' },
        ]);
      }
      return api('POST /api/me/password', {
        body: { currentPassword: field(data, 'currentPassword'), newPassword: field(data, 'newPassword') },
      });
    },
    async (result) => {
      await signIn(result);
      form.current?.reset();
      setPassword('');
      setDone(true);
    },
  );
  return (
    <form
      ref={form}
      onSubmit={(e) => {
        setDone(false);
        onSubmit(e);
      }}
      noValidate
      aria-labelledby="change-password"
    >
      <h2 id="change-password">{t.account.changePassword}</h2>
      {done && (
        <div className="alert alert-ok" role="status">
          {t.account.passwordChanged}
        </div>
      )}
      <FormMessage error={error} />
      <TextField
        label={t.account.currentPassword}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={errors.currentPassword}
      />
      <TextField
        label={t.account.newPassword}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={PASSWORD_RULE_TEXT}
        required
        error={errors.newPassword}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <PasswordStrength password={password} email={email} said={errors.newPassword} />
      <TextField
        label={t.account.repeatPassword}
        name="repeat"
        type="password"
        autoComplete="new-password"
        required
        error={errors.repeat}
      />
      <button type="submit" disabled={busy}>
        {busy ? t.busy : t.account.savePassword}
      </button>
    </form>
  );
}
