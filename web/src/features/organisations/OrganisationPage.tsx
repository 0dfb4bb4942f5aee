import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { ORGANISATION_TYPE_LABELS } from '../../labels';
import { Notice, type NoticeState } from '../../ui/Notice';
import { QueryState } from '../../ui/QueryState';
import { SavedNotice } from '../../ui/SavedNotice';
import { DetailsSection } from './DetailsSection';
import { MembersSection } from './MembersSection';
import { organisationQuery } from './queries';

/** One organisation: its details and the people who log in for it. */
export function OrganisationPage() {
  const { id = '' } = useParams();
  const organisation = useQuery(organisationQuery(id));
  const [notice, setNotice] = useState<NoticeState>(null);

  if (organisation.error instanceof ApiError && organisation.error.status === 404) {
    return (
      <p>
        Deze organisatie bestaat niet. <Link to="/organisaties">Terug naar de lijst</Link>
      </p>
    );
  }
  return (
    <>
      <p>
        <Link to="/organisaties">← Alle organisaties</Link>
      </p>
      <QueryState query={organisation}>
        {(org) => (
          <>
            <div className="page-head">
              <h1>{org.name}</h1>
              <span className={`badge ${org.active ? 'badge-ok' : 'badge-off'}`}>
                {ORGANISATION_TYPE_LABELS[org.type]} · {org.active ? 'actief' : 'gedeactiveerd'}
              </span>
            </div>
            {/* The latest message only: what the creation said gives way to what came after. */}
            {notice ? <Notice notice={notice} /> : <SavedNotice />}
            <div className="columns">
              <MembersSection organisation={org} onNotice={setNotice} />
              <DetailsSection organisation={org} onNotice={setNotice} />
            </div>
          </>
        )}
      </QueryState>
    </>
  );
}
