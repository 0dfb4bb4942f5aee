import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { t } from '../../labels';
import { FormMessage, TextField } from '../../ui/fields';
import { field, useSubmit } from '../../ui/useSubmit';

const MODES = {
  activation: {
    title: 'Nieuwe activatiemail',
    intro:
      'Vul je e-mailadres in. Heb je een account dat nog niet geactiveerd is, dan krijg je een nieuwe link.',
    endpoint: 'POST /api/auth/resend-activation',
  },
  reset: {
    title: 'Wachtwoord vergeten',
    intro: 'Vul je e-mailadres in. Je krijgt een mail met een link om een nieuw wachtwoord te kiezen.',
    endpoint: 'POST /api/auth/forgot-password',
  },
} as const;

/** Asks for a mail; the answer is the same whether or not the address has an account. */
export function RequestMailPage({ mode }: { mode: keyof typeof MODES }) {
  const texts = MODES[mode];
  const [sent, setSent] = useState<string | null>(null);
  const { onSubmit, busy, errors, error } = useSubmit(
    (data) => api(texts.endpoint, { body: { email: field(data, 'email') } }),
    (result) => setSent(result.message),
  );
  return (
    <section className="narrow">
      <h1>{texts.title}</h1>
      {sent ? (
        <div className="alert alert-ok" role="status">
          {sent} Kijk ook in je map met ongewenste mail.
        </div>
      ) : (
        <>
          <p>{texts.intro}</p>
          <form onSubmit={onSubmit} noValidate>
            <FormMessage error={error} />
            <TextField
              label="E-mailadres"
              name="email"
              type="email"
              autoComplete="email"
              required
              error={errors.email}
            />
            <button type="submit" disabled={busy}>
              {busy ? t.busy : 'Verstuur de mail'}
            </button>
          </form>
        </>
      )}
      <p>
        <Link to="/aanmelden">Terug naar aanmelden</Link>
      </p>
    </section>
  );
}
