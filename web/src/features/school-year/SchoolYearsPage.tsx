import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { SchoolYearStatus, SchoolYearSummary } from '#contract/school-year';
import { api } from '../../api/client';
import { CardTable } from '../../ui/CardTable';
import { FormMessage, TextField } from '../../ui/fields';
import { day, number } from '../../ui/format';
import { Notice, type NoticeState } from '../../ui/Notice';
import { failureText, QueryState } from '../../ui/QueryState';
import { field, useSubmit } from '../../ui/useSubmit';
import { schoolYearsQuery, yearAfter } from './years-queries';

const STATUS_LABELS: Record<SchoolYearStatus, string> = {
  current: 'Lopend',
  next: 'In voorbereiding',
  archived: 'Gearchiveerd (alleen lezen)',
};

/** Between the switch and archiving, last year still runs for late changes, beside the new one. */
function StatusText({ year }: { year: SchoolYearSummary }) {
  if (year.status !== 'current' || year.atAddress) return <>{STATUS_LABELS[year.status]}</>;
  return (
    <>
      Lopend (vorig jaar)
      <br />
      <small>Archiveer het zodra het werk klaar is.</small>
    </>
  );
}

const students = (n: number) => `${number(n)} ${n === 1 ? 'leerling' : 'leerlingen'}`;

/** What happens to the year's personal data, before and after: the date and how many students. */
export function retentionText(year: SchoolYearSummary): string {
  if (year.erasure) {
    return `Op ${day(year.erasure.at.slice(0, 10))} zijn de persoonsgegevens van ${year.schoolYear} gewist (${students(year.erasure.students)}); de anonieme aantallen blijven.`;
  }
  return `Op ${day(year.retentionUntil)} worden de persoonsgegevens van ${year.schoolYear} gewist: ${students(year.students ?? 0)}.`;
}

function RetentionForm({ year }: { year: SchoolYearSummary }) {
  const [done, setDone] = useState(false);
  const { onSubmit, busy, errors, error } = useSubmit(
    (data) =>
      api('PUT /api/school-years/{schoolYear}', {
        path: { schoolYear: year.schoolYear },
        body: { retentionUntil: field(data, 'retentionUntil') },
      }),
    () => setDone(true),
    { invalidates: [schoolYearsQuery.queryKey] },
  );
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={`Bewaartermijn ${year.schoolYear}`}
      className="inline-form"
    >
      <FormMessage error={error} />
      <TextField
        label="Bewaren tot"
        name="retentionUntil"
        type="date"
        defaultValue={year.retentionUntil}
        error={errors.retentionUntil}
        required
      />
      <button type="submit" className="secondary" disabled={busy}>
        {busy ? 'Bewaren…' : 'Datum bewaren'}
      </button>
      {done && <span role="status"> Bewaard.</span>}
    </form>
  );
}

/**
 * The admin's school years: which one runs, which is prepared, which are archived, and when each
 * one's personal data is erased. "Nieuw schooljaar voorbereiden" proposes next year's calendar.
 */
export function SchoolYearsPage() {
  const years = useQuery(schoolYearsQuery);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<NoticeState>(null);
  const prepare = useMutation({
    mutationFn: (schoolYear: string) => api('POST /api/school-years', { body: { schoolYear } }),
    onSuccess: async (_r, schoolYear) => {
      await queryClient.invalidateQueries({ queryKey: schoolYearsQuery.queryKey });
      navigate(`/kalender?jaar=${schoolYear}`);
    },
    onError: (e) => setNotice({ kind: 'error', text: failureText(e, 'Voorbereiden lukte niet.') }),
  });
  const archive = useMutation({
    mutationFn: (schoolYear: string) =>
      api('PUT /api/school-years/{schoolYear}', { path: { schoolYear }, body: { status: 'archived' } }),
    onSuccess: async (year) => {
      await queryClient.invalidateQueries({ queryKey: schoolYearsQuery.queryKey });
      setNotice({
        kind: 'ok',
        text: `${year.schoolYear} is gearchiveerd: alles blijft leesbaar, niets kan nog wijzigen.`,
      });
    },
    onError: (e) => setNotice({ kind: 'error', text: failureText(e, 'Archiveren lukte niet.') }),
  });

  return (
    <>
      <h1>Schooljaren</h1>
      <p>
        Organisaties, mensen en hun logins, contactpersonen en stagebegeleiders gaan mee naar het volgende
        schooljaar; leerlingen, stagevragen en plaatsingen horen bij hun eigen schooljaar.
      </p>
      <Notice notice={notice} />
      <QueryState query={years}>
        {(list) => {
          const here = list.find((y) => y.servedHere);
          const next = here ? yearAfter(here.schoolYear) : null;
          const prepared = list.some((y) => y.schoolYear === next);
          return (
            <>
              {list
                .filter((y) => y.status === 'archived' || y.erasure)
                .map((y) => (
                  <p key={y.schoolYear} className="alert alert-ok" role="status">
                    {retentionText(y)}
                  </p>
                ))}
              <CardTable label="Schooljaren">
                <thead>
                  <tr>
                    <th scope="col">Schooljaar</th>
                    <th scope="col">Status</th>
                    <th scope="col">Persoonsgegevens</th>
                    <th scope="col">
                      <span className="visually-hidden">Acties</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((y) => (
                    <tr key={y.schoolYear} data-year={y.schoolYear}>
                      <th scope="row">
                        {y.schoolYear}
                        {y.servedHere && (
                          <>
                            <br />
                            <small>dit adres</small>
                          </>
                        )}
                      </th>
                      <td data-label="Status">
                        <StatusText year={y} />
                      </td>
                      <td data-label="Persoonsgegevens">
                        {retentionText(y)}
                        {!y.erasure && <RetentionForm year={y} />}
                      </td>
                      <td className="actions">
                        {y.status === 'next' && (
                          <Link to={`/kalender?jaar=${y.schoolYear}`}>Kalender voorbereiden</Link>
                        )}
                        {y.status === 'current' && (
                          <button
                            type="button"
                            className="secondary"
                            disabled={archive.isPending}
                            onClick={() => {
                              if (
                                window.confirm(
                                  `${y.schoolYear} archiveren? Daarna kan niemand er nog iets in wijzigen; lezen en exporteren blijven mogelijk.`,
                                )
                              )
                                archive.mutate(y.schoolYear);
                            }}
                          >
                            Archiveren
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </CardTable>
              {next && !prepared && (
                <p>
                  <button type="button" disabled={prepare.isPending} onClick={() => prepare.mutate(next)}>
                    Nieuw schooljaar voorbereiden: {next}
                  </button>
                </p>
              )}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
