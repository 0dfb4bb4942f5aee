import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Organisation } from '#contract/organisations';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth/AuthContext';
import { PROVINCE_LABELS } from '../../labels';
import type { NoticeState } from '../../ui/Notice';
import { failureText } from '../../ui/QueryState';
import { type OrganisationChangesBody, OrganisationForm } from './OrganisationForm';
import { organisationQuery, organisationsKey } from './queries';

/** An organisation's details, and switching it off or on again. */
export function DetailsSection({
  organisation,
  onNotice,
}: {
  organisation: Organisation;
  onNotice: (notice: NoticeState) => void;
}) {
  const queryClient = useQueryClient();
  const { me } = useAuth();
  const change = (body: OrganisationChangesBody) =>
    api('PATCH /api/organisations/{id}', { path: { id: organisation.id }, body });
  // The answer is the organisation as it is now: show it at once, then refresh the lists.
  const store = (saved: Organisation) => {
    queryClient.setQueryData(organisationQuery(saved.id).queryKey, saved);
    return saved;
  };
  const toggle = useMutation({
    mutationFn: (active: boolean) => change({ active }),
    onSuccess: async (saved) => {
      store(saved);
      await queryClient.invalidateQueries({ queryKey: organisationsKey });
    },
    onError: (error) => onNotice({ kind: 'error', text: failureText(error, 'Dat lukte niet.') }),
  });

  // A sector team: the national team edits a regional team's details and provinces; a team for the
  // whole sector, and a regional team seen by its own people, only say what they cover.
  const regionalViewer = Boolean(me?.provinces?.length);
  if (organisation.type === 'admin' && (!organisation.provinces?.length || regionalViewer)) {
    return (
      <section aria-labelledby="details-title">
        <h2 id="details-title">Gegevens</h2>
        <p>
          {organisation.provinces?.length
            ? `Regionaal team: ${organisation.provinces.map((p) => PROVINCE_LABELS[p]).join(', ')}.`
            : 'Team voor heel de sector.'}
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">Gegevens</h2>
      <OrganisationForm
        initial={organisation}
        submitLabel="Wijzigingen bewaren"
        save={async (body) => store(await change(body as OrganisationChangesBody))}
        invalidates={[organisationsKey]}
      />
      <button
        type="button"
        className={organisation.active ? 'danger' : 'secondary'}
        disabled={toggle.isPending}
        onClick={() => {
          const next = !organisation.active;
          if (
            !next &&
            !window.confirm(
              `${organisation.name} deactiveren? Niemand van deze organisatie kan zich dan nog aanmelden.`,
            )
          )
            return;
          toggle.mutate(next);
        }}
      >
        {organisation.active ? 'Organisatie deactiveren' : 'Organisatie opnieuw activeren'}
      </button>
    </section>
  );
}
