import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PASSWORD_RULE_TEXT } from '#contract/password-rule';
import { ApiError, api } from '../../api/client';
import { useAuth } from '../../app/auth/AuthContext';
import { t } from '../../labels';
import { FormMessage, TextField } from '../../ui/fields';
import { field, useSubmit } from '../../ui/useSubmit';
import { PasswordStrength } from './PasswordStrength';

/**
 * The link's token. Mails put it in the fragment (`#token=…`), which never reaches a server or an
 * access log; links mailed before that carry it in the query, and keep working. Once read, it is
 * taken out of the address bar, so it does not stay in the history either.
 */
function useLinkToken(): string {
  const [params] = useSearchParams();
  const [token] = useState(() => {
    const fromFragment = new URLSearchParams(window.location.hash.slice(1)).get('token');
    const value = fromFragment ?? params.get('token') ?? '';
    if (value) window.history.replaceState(window.history.state, '', window.location.pathname);
    return value;
  });
  return token;
}

const MODES = {
  activate: {
    title: 'Account activeren',
    intro: 'Welkom! Kies een wachtwoord om je account te activeren.',
    endpoint: 'POST /api/auth/activate',
    expiredHelp: { to: '/nieuwe-activatiemail', label: 'Vraag een nieuwe activatiemail aan' },
  },
  reset: {
    title: 'Nieuw wachtwoord kiezen',
    intro: 'Kies een nieuw wachtwoord. Je wordt daarna op je andere toestellen afgemeld.',
    endpoint: 'POST /api/auth/reset-password',
    expiredHelp: { to: '/wachtwoord-vergeten', label: 'Vraag een nieuwe link aan' },
  },
} as const;

/** Activation and password reset: the link's token plus a new password, then logged in. */
export function ChoosePasswordPage({ mode }: { mode: keyof typeof MODES }) {
  const texts = MODES[mode];
  const token = useLinkToken();
  const [password, setPassword] = useState('');
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const { onSubmit, busy, errors, error } = useSubmit(
    async (data) => {
      if (field(data, 'password') !== field(data, 'repeat')) {
        throw new ApiError(400, 'VALIDATION_FAILED', '', [
          { path: 'repeat', in: 'body', message: 'De twee wachtwoorden zijn niet gelijk.' },
        ]);
      }
      return api(texts.endpoint, { body: { token, password: field(data, 'password') } });
    },
    async (result) => {
      await signIn(result);
      navigate('/');
    },
  );

  if (!token || error?.status === 410) {
    return (
      <section className="narrow">
        <h1>Deze link werkt niet meer</h1>
        <p>{error?.message ?? 'Deze link is onvolledig. Gebruik de volledige link uit je mail.'}</p>
        <Link className="button" to={texts.expiredHelp.to}>
          {texts.expiredHelp.label}
        </Link>
      </section>
    );
  }

  return (
    <section className="narrow">
      <h1>{texts.title}</h1>
      <p>{texts.intro}</p>
      <form onSubmit={onSubmit} noValidate>
        <FormMessage error={error} />
        <TextField
          label="Nieuw wachtwoord"
          name="password"
          type="password"
          autoComplete="new-password"
          hint={PASSWORD_RULE_TEXT}
          required
          error={errors.password}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <PasswordStrength password={password} email="" said={errors.password} />
        <TextField
          label="Herhaal het wachtwoord"
          name="repeat"
          type="password"
          autoComplete="new-password"
          required
          error={errors.repeat}
        />
        <button type="submit" disabled={busy}>
          {busy ? t.busy : 'Wachtwoord opslaan'}
        </button>
      </form>
    </section>
  );
}
