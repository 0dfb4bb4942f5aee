import { queryOptions, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { MAIL_EVENT_LABELS } from '#contract/bounce-labels';
import type { MailEventView } from '#contract/bounces';
import { api } from '../../api/client';
import { CardTable } from '../../ui/CardTable';
import { shortDateTime } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { adminKey } from './queries';

export const mailFailuresQuery = queryOptions({
  queryKey: [...adminKey, 'mail-failures'],
  queryFn: ({ signal }) => api('GET /api/admin/mail-failures', { signal }),
});

function stateOf(e: MailEventView): string {
  if (!e.permanent) return e.kind === 'delay' ? 'SES probeert nog' : 'Alleen deze mail';
  return e.suppressed ? 'Geblokkeerd tot het adres verbeterd is' : 'Weer toegelaten';
}

/**
 * What did not reach its addressee: addresses SES reported back (bounced for good, reported as
 * spam, delayed, refused) and mails the outbox gave up on after its retries. A blocked address
 * gets nothing until the admin corrects it on the person's row in the organisation.
 */
export function MailFailuresPage() {
  const failures = useQuery(mailFailuresQuery);
  return (
    <section className="mail-failures-page">
      <h1>Mislukte mails</h1>
      <QueryState query={failures}>
        {({ items, events }) => (
          <>
            <section aria-labelledby="events-title">
              <h2 id="events-title">Teruggestuurd of gemeld als spam</h2>
              <p>
                Een adres dat een mail definitief terugstuurt of een mail als spam meldt, krijgt niets meer
                tot iemand het verbetert: op de rij van de persoon in de organisatie (&ldquo;Adres
                verbeteren&rdquo;), of door de school of dienst bij hun begeleiders en contactpersonen.
              </p>
              {events.length === 0 ? (
                <p>Geen: SES meldde geen enkel probleem.</p>
              ) : (
                <CardTable label="Teruggestuurd of gemeld als spam">
                  <thead>
                    <tr>
                      <th scope="col">Adres</th>
                      <th scope="col">Wat</th>
                      <th scope="col">Van wie</th>
                      <th scope="col">Wanneer</th>
                      <th scope="col">Reden</th>
                      <th scope="col">Nu</th>
                    </tr>
                  </thead>
                  <tbody>
                    {events.map((e) => (
                      <tr key={e.id}>
                        <td>{e.email}</td>
                        <td data-label="Wat">{MAIL_EVENT_LABELS[e.kind]}</td>
                        <td data-label="Van wie">
                          {e.owner ? (
                            <>
                              {e.owner.name}
                              {e.owner.organisationName && (
                                <>
                                  {' '}
                                  (
                                  {e.owner.organisationId ? (
                                    <Link to={`/organisaties/${e.owner.organisationId}`}>
                                      {e.owner.organisationName}
                                    </Link>
                                  ) : (
                                    e.owner.organisationName
                                  )}
                                  {e.owner.kind === 'registration' ? ', registratie' : ''})
                                </>
                              )}
                            </>
                          ) : (
                            'Onbekend adres'
                          )}
                        </td>
                        <td data-label="Wanneer">{shortDateTime(e.at)}</td>
                        <td data-label="Reden">{e.detail}</td>
                        <td data-label="Nu">{stateOf(e)}</td>
                      </tr>
                    ))}
                  </tbody>
                </CardTable>
              )}
            </section>
            <section aria-labelledby="failures-title">
              <h2 id="failures-title">Mails die niet verstuurd raakten</h2>
              {items.length === 0 ? (
                <p>Geen: alle mails van de rondes en mailings zijn vertrokken.</p>
              ) : (
                <CardTable label="Mails die niet verstuurd raakten">
                  <thead>
                    <tr>
                      <th scope="col">Mail</th>
                      <th scope="col">Aan</th>
                      <th scope="col">Pogingen</th>
                      <th scope="col">Laatste fout</th>
                      <th scope="col">Opgegeven op</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((f) => (
                      <tr key={f.id}>
                        <td>
                          {f.roundName} ({f.moment})
                        </td>
                        <td data-label="Aan">{f.organisationName}</td>
                        <td data-label="Pogingen">{f.attempts}</td>
                        <td data-label="Laatste fout">{f.lastError}</td>
                        <td data-label="Opgegeven op">{f.failedAt ? shortDateTime(f.failedAt) : ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </CardTable>
              )}
            </section>
          </>
        )}
      </QueryState>
    </section>
  );
}
