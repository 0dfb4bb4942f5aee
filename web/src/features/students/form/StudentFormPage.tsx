import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useMe } from '../../../app/auth/AuthContext';
import { Loading, QueriesFailed } from '../../../ui/QueryState';
import { savedState } from '../../../ui/SavedNotice';
import { supervisorsQuery } from '../../people/queries';
import { serviceOptionsQuery, studentQuery, studentsKey } from '../queries';
import { BlackoutNotice } from './BlackoutNotice';
import { StudentForm } from './StudentForm';

/** Enter or edit a student's internship request. */
export function StudentFormPage() {
  const { id } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const student = useQuery({ ...studentQuery(id ?? ''), enabled: Boolean(id) });
  const supervisors = useQuery(supervisorsQuery);
  const services = useQuery(serviceOptionsQuery);
  const reads = id ? [student, supervisors, services] : [supervisors, services];

  if (!supervisors.data || !services.data || (id && !student.data)) {
    return reads.some((q) => q.isError) ? <QueriesFailed queries={reads} /> : <Loading />;
  }

  const s = student.data;
  if (s && !s.editable) {
    return (
      <>
        <h1>Deze leerling kan niet meer gewijzigd worden</h1>
        <p>Een dienst heeft de leerling aanvaard, of de leerling is gestopt.</p>
        <Link to={`/leerlingen/${s.id}`}>Terug naar de leerling</Link>
      </>
    );
  }
  return (
    <>
      <h1>{s ? `${s.firstName} ${s.lastName} wijzigen` : 'Leerling toevoegen'}</h1>
      {/* A failed refresh leaves what is typed alone. */}
      <QueriesFailed queries={reads} />
      {!s && <BlackoutNotice blackout={me.schoolYear.blackout} />}
      {supervisors.data.items.length === 0 && (
        <div className="alert alert-warn" role="status">
          Je hebt nog geen stagebegeleiders. <Link to="/begeleiders">Voeg eerst een begeleider toe.</Link>
        </div>
      )}
      <StudentForm
        key={s?.id ?? 'new'}
        student={s}
        tracks={me.organisation?.tracks ?? []}
        supervisors={supervisors.data.items}
        services={services.data.items}
        // The list, the student's page and the supervisors' counts all change with a save.
        invalidates={[studentsKey, supervisorsQuery.queryKey]}
        onSaved={(saved) =>
          navigate(
            `/leerlingen/${saved.id}`,
            savedState(`${saved.firstName} ${saved.lastName} is ${s ? 'bewaard' : 'toegevoegd'}.`),
          )
        }
      />
    </>
  );
}
