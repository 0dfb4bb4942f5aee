import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import type { Me } from '#contract/session';
import { setActingOrganisation } from '../../api/client';
import { t } from '../../labels';

/** A person of several organisations picks the one they act for; every read is then redone for it. */
export function OrganisationSwitch({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const id = useId();
  const choices = me.organisations ?? [];
  if (choices.length < 2) return null;
  return (
    <div className="organisation-switch">
      <label htmlFor={id}>{t.nav.organisation}</label>
      <select
        id={id}
        value={me.organisation?.id ?? ''}
        onChange={async (event) => {
          setActingOrganisation(event.target.value);
          // Nothing read for one organisation may show under another.
          queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
          await queryClient.refetchQueries({ queryKey: ['me'] });
        }}
      >
        {choices.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}
