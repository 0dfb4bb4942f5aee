import { useNavigate } from 'react-router';
import type { Organisation } from '#contract/organisations';
import { api } from '../../api/client';
import { OrganisationForm } from './OrganisationForm';
import { organisationsKey } from './queries';

export function NewOrganisationPage() {
  const navigate = useNavigate();
  return (
    <section className="narrow">
      <h1>Nieuwe organisatie</h1>
      <OrganisationForm
        submitLabel="Organisatie aanmaken"
        save={(body) => api<Organisation>('/organisations', { method: 'POST', json: body })}
        invalidates={[organisationsKey]}
        onSaved={(created) => navigate(`/organisaties/${created.id}`)}
      />
    </section>
  );
}
