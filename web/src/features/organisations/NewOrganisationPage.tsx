import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { Organisation } from './labels';
import { OrganisationForm } from './OrganisationForm';

export function NewOrganisationPage() {
  const navigate = useNavigate();
  return (
    <section className="narrow">
      <h1>Nieuwe organisatie</h1>
      <OrganisationForm
        submitLabel="Organisatie aanmaken"
        onSave={async (body) => {
          const created = await api<Organisation>('/organisations', { method: 'POST', json: body });
          navigate(`/organisaties/${created.id}`);
        }}
      />
    </section>
  );
}
