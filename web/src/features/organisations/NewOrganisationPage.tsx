import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { savedState } from '../../ui/SavedNotice';
import { type NewOrganisationBody, OrganisationForm } from './OrganisationForm';
import { organisationsKey } from './queries';

export function NewOrganisationPage() {
  const navigate = useNavigate();
  return (
    <section className="narrow">
      <h1>Nieuwe organisatie</h1>
      <OrganisationForm
        submitLabel="Organisatie aanmaken"
        save={(body) => api('POST /api/organisations', { body: body as NewOrganisationBody })}
        invalidates={[organisationsKey]}
        onSaved={(created) =>
          navigate(`/organisaties/${created.id}`, savedState(`${created.name} is aangemaakt.`))
        }
      />
    </section>
  );
}
