import { useNavigate } from 'react-router';
import { useAuth } from '../../app/auth/AuthContext';
import { ROLE_LABELS, t } from '../../labels';
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
