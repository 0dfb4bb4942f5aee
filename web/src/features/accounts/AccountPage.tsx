import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth/AuthContext';
import { ROLE_LABELS, t } from '../../labels';
import { Notice, type NoticeState } from '../../ui/Notice';
import { failureText } from '../../ui/QueryState';

/** Reminder mails during a round can be switched off; opening and closing mails always come. */
function ReminderPreference({ reminders }: { reminders: boolean }) {
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<NoticeState>(null);
  const save = useMutation({
    mutationFn: (next: boolean) => api('PUT /api/me/preferences', { body: { reminders: next } }),
    onSuccess: async ({ reminders: next }) => {
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      setNotice({
        kind: 'ok',
        text: next ? 'Je krijgt weer herinneringen.' : 'Je krijgt geen herinneringen meer.',
      });
    },
    onError: (e) => setNotice({ kind: 'error', text: failureText(e, 'Bewaren lukte niet.') }),
  });
  const checked = save.isPending ? save.variables : reminders;
  return (
    <fieldset>
      <legend>Mails</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={checked}
          disabled={save.isPending}
          onChange={(e) => save.mutate(e.target.checked)}
        />{' '}
        Herinneringen tijdens een ronde ontvangen (hoeveel stagevragen nog open staan)
      </label>
      <p className="hint">De mails bij het openen en sluiten van een ronde krijg je altijd.</p>
      <Notice notice={notice} />
    </fieldset>
  );
}

import { ChangePasswordForm } from './ChangePasswordForm';

export function AccountPage() {
  const { me, logout } = useAuth();
  const navigate = useNavigate();
  if (!me) return null;
  return (
    <section className="narrow">
      <h1>{t.nav.account}</h1>
      <dl className="facts">
        <dt>Naam</dt>
        <dd>{me.name}</dd>
        <dt>E-mailadres</dt>
        <dd>{me.email}</dd>
        <dt>Rol</dt>
        <dd>{ROLE_LABELS[me.role]}</dd>
        <dt>Organisatie</dt>
        <dd>{me.organisation?.name}</dd>
      </dl>
      <ReminderPreference reminders={me.preferences?.reminders !== false} />
      <ChangePasswordForm email={me.email} />
      <button
        type="button"
        onClick={async () => {
          await logout();
          navigate('/aanmelden');
        }}
      >
        {t.nav.logout}
      </button>
    </section>
  );
}
