import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth/AuthContext';
import { t } from '../../labels';
import { FormMessage, TextField } from '../../ui/fields';
import { field, useSubmit } from '../../ui/useSubmit';

export function LoginPage() {
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const { onSubmit, busy, errors, error } = useSubmit(
    (data) =>
      api('POST /api/auth/login', {
        body: { email: field(data, 'email'), password: field(data, 'password') },
      }),
    async (result) => {
      await signIn(result);
      navigate('/');
    },
  );
  return (
    <section className="narrow">
      <h1>Aanmelden</h1>
      <form onSubmit={onSubmit} noValidate>
        <FormMessage error={error} />
        <TextField
          label="E-mailadres"
          name="email"
          type="email"
          autoComplete="username"
          required
          error={errors.email}
        />
        <TextField
          label="Wachtwoord"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.password}
        />
        <button type="submit" disabled={busy}>
          {busy ? t.busy : 'Aanmelden'}
        </button>
      </form>
      <ul className="links">
        <li>
          <Link to="/wachtwoord-vergeten">Wachtwoord vergeten?</Link>
        </li>
        <li>
          <Link to="/nieuwe-activatiemail">Activatiemail niet ontvangen of verlopen?</Link>
        </li>
      </ul>
    </section>
  );
}
