import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Notice } from '#contract/notices';
import { api } from '../../api/client';
import { Writable } from '../../app/auth/Writable';
import { CardTable } from '../../ui/CardTable';
import { shortDateTime } from '../../ui/format';
import { failureText, QueryState } from '../../ui/QueryState';
import { noticesQuery } from './queries';

/**
 * "Meldingen": the same person entered by two schools (the same national register number). Each
 * notice names both schools and links to each student; the admin marks it handled once looked at.
 */
export function NoticesPage() {
  const notices = useQuery(noticesQuery);
  return (
    <>
      <h1>Meldingen</h1>
      <p className="hint">
        Twee scholen voerden dezelfde persoon in (hetzelfde rijksregisternummer). Bekijk beide leerlingen,
        spreek af met de scholen, en duid de melding dan aan als behandeld.
      </p>
      <QueryState query={notices}>
        {(list) =>
          list.items.length === 0 ? (
            <p role="status">Geen meldingen.</p>
          ) : (
            <>
              <p role="status">
                {list.items.filter((n) => !n.handledAt).length} van {list.total} nog te behandelen.
              </p>
              <CardTable label="Meldingen">
                <thead>
                  <tr>
                    <th scope="col">Leerling</th>
                    <th scope="col">Gemeld op</th>
                    <th scope="col">Ook ingevoerd door</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {list.items.map((n) => (
                    <NoticeRow key={n.id} notice={n} />
                  ))}
                </tbody>
              </CardTable>
            </>
          )
        }
      </QueryState>
    </>
  );
}

function NoticeRow({ notice: n }: { notice: Notice }) {
  const queryClient = useQueryClient();
  const handle = useMutation({
    mutationFn: () => api('POST /api/notices/{id}/handled', { path: { id: n.id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noticesQuery.queryKey }),
  });
  return (
    <tr className={n.handledAt ? 'handled' : undefined}>
      <td>
        <Link to={`/alle-leerlingen/${n.studentId}`}>{n.studentName}</Link>
        <div className="hint">{n.schoolName}</div>
      </td>
      <td data-label="Gemeld op">
        <time dateTime={n.at}>{shortDateTime(n.at)}</time>
      </td>
      <td data-label="Ook ingevoerd door">
        <ul className="plain-list">
          {n.otherStudents.map((o) => (
            <li key={o.studentId}>
              <Link to={`/alle-leerlingen/${o.studentId}`}>Leerling bij {o.schoolName}</Link>
            </li>
          ))}
        </ul>
      </td>
      <td data-label="Status">
        {n.handledAt ? (
          <>
            <span className="badge status-accepted">Behandeld</span>
            <div className="hint">
              {n.handledBy?.name ?? ''} · {shortDateTime(n.handledAt)}
            </div>
          </>
        ) : (
          <>
            <Writable>
              <button
                type="button"
                className="secondary"
                disabled={handle.isPending}
                onClick={() => handle.mutate()}
              >
                {handle.isPending ? 'Bezig…' : 'Behandeld'}
              </button>
            </Writable>
            {handle.isError && (
              <div className="alert alert-error" role="alert">
                {failureText(handle.error, 'De melding kon niet aangeduid worden.')}
              </div>
            )}
          </>
        )}
      </td>
    </tr>
  );
}
