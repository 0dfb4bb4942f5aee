import type { QueryKey } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link } from 'react-router';
import type { ServiceOption, Track } from '#contract/organisations';
import type { Supervisor } from '#contract/people';
import type { StudentDetail } from '#contract/students-responses';
import { api } from '../../../api/client';
import { t } from '../../../labels';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { FormMessage } from '../../../ui/fields';
import { useSubmit } from '../../../ui/useSubmit';
import { AddressSection } from './AddressSection';
import { InternshipSection } from './InternshipSection';
import { PersonSection } from './PersonSection';
import { PreferenceSection } from './PreferenceSection';
import { studentBody } from './student-body';
import { useStudentDraft } from './useStudentDraft';

/** Enter a new student's internship request, or change one (`student`). */
export function StudentForm({
  student,
  tracks,
  supervisors,
  services,
  invalidates,
  onSaved,
}: {
  student?: StudentDetail;
  tracks: Track[];
  supervisors: Supervisor[];
  services: ServiceOption[];
  invalidates: QueryKey[];
  onSaved: (saved: StudentDetail) => void;
}) {
  const draft = useStudentDraft(student, tracks);
  const form = useRef<HTMLFormElement>(null);
  const { onSubmit, busy, errors, error, fieldErrors } = useSubmit(
    (data) => {
      const body = studentBody(data, draft);
      return student
        ? api('PUT /api/students/{id}', { path: { id: student.id }, body })
        : api('POST /api/students', { body });
    },
    onSaved,
    { invalidates },
  );

  return (
    <form onSubmit={onSubmit} noValidate className="form student-form" ref={form}>
      <ErrorSummary errors={errors} form={form} />
      <FormMessage error={error} />
      <PersonSection
        student={student}
        draft={draft}
        tracks={tracks}
        errors={errors}
        duplicateOf={fieldErrors.find((f) => f.existingStudentId)?.existingStudentId}
      />
      <AddressSection student={student} draft={draft} errors={errors} />
      <InternshipSection student={student} draft={draft} supervisors={supervisors} errors={errors} />
      <PreferenceSection draft={draft} services={services} errors={errors} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t.busy : student ? 'Wijzigingen bewaren' : 'Leerling bewaren'}
        </button>
        <Link to={student ? `/leerlingen/${student.id}` : '/leerlingen'}>Annuleren</Link>
      </div>
    </form>
  );
}
