import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import type { StudentDetail } from '#contract/students-responses';
import { ApiError, api } from '../../api/client';
import { Writable } from '../../app/auth/Writable';
import { DECISION_LABELS, STUDENT_STATUS_LABELS } from '../../labels';
import { CardTable } from '../../ui/CardTable';
import { longDate } from '../../ui/format';
import { failureText, QueryState } from '../../ui/QueryState';
import { SavedNotice } from '../../ui/SavedNotice';
import { supervisorsQuery } from '../people/queries';
import { TrajectorySection } from '../trajectory/TrajectorySection';
import { studentListsKey, studentQuery, studentsKey } from './queries';
import { ShownNotice } from './ShownNotice';
import { StudentFacts } from './StudentFacts';

type Action = 'stop' | 'resume' | 'delete';

const QUESTIONS: Record<Action, (name: string) => string> = {
  stop: (name) =>
    `${name} markeren als gestopt? Diensten die de leerling nog niet aanvaardden, zien de leerling dan niet meer.`,
  resume: (name) =>
    `${name} is toch niet gestopt? De leerling staat dan weer in de lijsten van de diensten (tenzij al aanvaard).`,
  delete: (name) => `${name} verwijderen? Doe dit enkel voor een leerling die per vergissing werd ingevoerd.`,
};

/** One student: the request as entered, and where the student was placed. */
export function StudentPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const student = useQuery(studentQuery(id));
  const act = useMutation({
    mutationFn: (action: Action): Promise<unknown> =>
      action === 'delete'
        ? api('DELETE /api/students/{id}', { path: { id } })
        : action === 'resume'
          ? api('POST /api/students/{id}/resume', { path: { id } })
          : api('POST /api/students/{id}/stop', { path: { id } }),
    onSuccess: async (_, action) => {
      // A deleted student's page would only answer 404: leave it, and refresh the rest.
      if (action === 'delete') navigate('/leerlingen');
      await Promise.all([
        queryClient.invalidateQueries({
          queryKey: action === 'delete' ? studentListsKey : studentsKey,
        }),
        // A supervisor counts the students linked to it.
        queryClient.invalidateQueries({ queryKey: supervisorsQuery.queryKey }),
      ]);
    },
  });

  if (student.error instanceof ApiError && student.error.status === 404) {
    return <p role="alert">Deze leerling bestaat niet.</p>;
  }
  return (
    <QueryState query={student}>
      {(s) => (
        <StudentView
          student={s}
          busy={act.isPending}
          problem={act.error ? failureText(act.error, 'Dat lukte niet.') : null}
          onAct={(action) => {
            if (window.confirm(QUESTIONS[action](`${s.firstName} ${s.lastName}`))) act.mutate(action);
          }}
        />
      )}
    </QueryState>
  );
}

function StudentView({
  student: s,
  busy,
  problem,
  onAct,
}: {
  student: StudentDetail;
  busy: boolean;
  problem: string | null;
  onAct: (action: Action) => void;
}) {
  return (
    <>
      <p>
        <Link to="/leerlingen">← Alle leerlingen</Link>
      </p>
      <div className="page-head">
        <h1>
          {s.firstName} {s.lastName}
        </h1>
        <span className={`badge status-${s.status}`}>{STUDENT_STATUS_LABELS[s.status]}</span>
      </div>
      <SavedNotice />
      {problem && (
        <div className="alert alert-error" role="alert">
          {problem}
        </div>
      )}
      <ShownNotice student={s} />
      <StudentFacts student={s} />
      {s.track === 'dual' && <Invitations invitations={s.invitations} />}
      {s.placement && <TrajectorySection studentId={s.id} side="school" />}
      <Writable>
        <div className="actions">
          {s.editable ? (
            <Link className="button" to={`/leerlingen/${s.id}/wijzigen`}>
              Gegevens wijzigen
            </Link>
          ) : (
            <p className="hint">
              {s.status === 'stopped'
                ? 'Deze leerling is gestopt; de gegevens blijven bewaard maar kunnen niet meer gewijzigd worden.'
                : 'Een dienst aanvaardde deze leerling: de gegevens kunnen niet meer gewijzigd worden.'}
            </p>
          )}
          {s.status !== 'stopped' ? (
            <button type="button" className="secondary" disabled={busy} onClick={() => onAct('stop')}>
              Leerling is gestopt
            </button>
          ) : (
            <button type="button" className="secondary" disabled={busy} onClick={() => onAct('resume')}>
              Toch niet gestopt
            </button>
          )}
          {s.status === 'open' && (
            <button type="button" className="danger" disabled={busy} onClick={() => onAct('delete')}>
              Verwijderen (foutief ingevoerd)
            </button>
          )}
        </div>
      </Writable>
    </>
  );
}

/** Dual: which services invited the student to an interview, and what came of each. */
function Invitations({ invitations }: { invitations: StudentDetail['invitations'] }) {
  return (
    <section className="card" aria-labelledby="invitations-title">
      <h2 id="invitations-title">Uitnodigingen voor een gesprek</h2>
      {invitations.length === 0 ? (
        <p className="hint">Nog geen dienst nodigde deze leerling uit.</p>
      ) : (
        <CardTable label="Uitnodigingen">
          <thead>
            <tr>
              <th scope="col">Dienst</th>
              <th scope="col">Uitkomst</th>
              <th scope="col">Uitgenodigd op</th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((i) => (
              <tr key={i.serviceId}>
                <td>{i.serviceName}</td>
                <td data-label="Uitkomst">
                  {i.status === 'invited' ? 'Uitgenodigd, nog geen uitkomst' : DECISION_LABELS[i.status]}
                </td>
                <td data-label="Uitgenodigd op">{longDate(i.invitedAt)}</td>
              </tr>
            ))}
          </tbody>
        </CardTable>
      )}
    </section>
  );
}
