import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth/AuthContext';
import { savedState } from '../../ui/SavedNotice';
import { type NewOrganisationBody, OrganisationForm } from './OrganisationForm';
import { organisationsKey } from './queries';

export function NewOrganisationPage() {
  const navigate = useNavigate();
  const { me } = useAuth();
  return (
    <section className="narrow">
      <h1>Nieuwe organisatie</h1>
      <OrganisationForm
        submitLabel="Organisatie aanmaken"
        // Only the national team sets up sector teams (the API refuses anyone else).
        teams={!me?.provinces?.length}
        save={(body) => api('POST /api/organisations', { body: body as NewOrganisationBody })}
        invalidates={[organisationsKey]}
        onSaved={(created) =>
          navigate(`/organisaties/${created.id}`, savedState(`${created.name} is aangemaakt.`))
        }
      />
    </section>
  );
}
