import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Me, NewsKind } from '#contract/session';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth/AuthContext';
import { ROLE_LABELS, t } from '../../labels';
import { Notice, type NoticeState } from '../../ui/Notice';
import { failureText } from '../../ui/QueryState';

type Change = { reminders: boolean } | { news: Partial<Record<NewsKind, boolean>> };

/** What a school's person can be told about the school's students, one switch per kind. */
const NEWS_LABELS: Record<NewsKind, string> = {
  accepted: 'Een dienst aanvaardt een leerling van onze school',
  invited: 'Een dienst nodigt een leerling duaal leren uit voor een gesprek',
  outcome: 'De uitkomst van zo een gesprek',
  ended: 'Een stage eindigt (leerling gestopt, of vrijgegeven door de sector)',
};
const NEWS_KINDS = Object.keys(NEWS_LABELS) as NewsKind[];

/**
 * Reminder mails during a round, and the school's mails about its students, can be switched off;
 * opening and closing mails always come.
 */
function MailPreferences({ preferences, school }: { preferences: Me['preferences']; school: boolean }) {
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<NoticeState>(null);
  const save = useMutation({
    mutationFn: (change: Change) => api('PUT /api/me/preferences', { body: change }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      setNotice({ kind: 'ok', text: 'Je keuze is bewaard.' });
    },
    onError: (e) => setNotice({ kind: 'error', text: failureText(e, 'Bewaren lukte niet.') }),
  });
  const pending = save.isPending ? save.variables : undefined;
  const reminders = pending && 'reminders' in pending ? pending.reminders : preferences.reminders;
  const news = { ...preferences.news, ...(pending && 'news' in pending ? pending.news : {}) };
  return (
    <fieldset>
      <legend>Mails</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={reminders}
          disabled={save.isPending}
          onChange={(e) => save.mutate({ reminders: e.target.checked })}
        />{' '}
        Herinneringen tijdens een ronde ontvangen (hoeveel stagevragen nog open staan)
      </label>
      {school &&
        NEWS_KINDS.map((kind) => (
          <label className="checkbox" key={kind}>
            <input
              type="checkbox"
              checked={news[kind] !== false}
              disabled={save.isPending}
              onChange={(e) => save.mutate({ news: { [kind]: e.target.checked } })}
            />{' '}
            Mail als: {NEWS_LABELS[kind].charAt(0).toLowerCase() + NEWS_LABELS[kind].slice(1)}
          </label>
        ))}
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
      <MailPreferences preferences={me.preferences} school={me.role === 'school'} />
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
