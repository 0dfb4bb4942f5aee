import type { QueryKey } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import type { ServiceOption, Track } from '#contract/organisations';
import type { Supervisor } from '#contract/people';
import type { StudentDetail } from '#contract/students-responses';
import { api } from '../../../api/client';
import { t } from '../../../labels';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { FormMessage } from '../../../ui/fields';
import { useSubmit } from '../../../ui/useSubmit';
import { ShownNotice } from '../ShownNotice';
import { AddressSection } from './AddressSection';
import { InternshipSection } from './InternshipSection';
import { PersonSection } from './PersonSection';
import { PreferenceSection } from './PreferenceSection';
import { studentBody } from './student-body';
import { useStudentDraft } from './useStudentDraft';

/**
 * The fields that make one student: cleared by "Opslaan en volgende leerling". What a class shares
 * (track, programme, province, transport, supervisor, internship form, hours, periods, the
 * internship's remarks) stays for the next one.
 */
const PERSON_FIELDS = [
  'firstName',
  'lastName',
  'nationalNumber',
  'email',
  'phone',
  'street',
  'postcode',
  'city',
  'remarks',
];
const NEXT = 'next';

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
  const [savedBefore, setSavedBefore] = useState<StudentDetail | null>(null);
  const { onSubmit, busy, errors, error, fieldErrors } = useSubmit(
    async (data) => {
      const body = studentBody(data, draft);
      const saved = student
        ? await api('PUT /api/students/{id}', { path: { id: student.id }, body })
        : await api('POST /api/students', { body });
      return { saved, next: data.get('then') === NEXT };
    },
    ({ saved, next }) => {
      if (!next) return onSaved(saved);
      setSavedBefore(saved);
      startNextStudent(form.current);
    },
    { invalidates },
  );

  return (
    <form onSubmit={onSubmit} noValidate className="form student-form" ref={form}>
      {savedBefore && (
        <div className="alert alert-ok" role="status">
          <Link to={`/leerlingen/${savedBefore.id}`}>
            {savedBefore.firstName} {savedBefore.lastName}
          </Link>{' '}
          is bewaard. Vul hieronder de volgende leerling in: begeleider, stagevorm, uren, periodes en vervoer
          staan al klaar.
        </div>
      )}
      {savedBefore && <ShownNotice student={savedBefore} />}
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
        {!student && (
          <button type="submit" name="then" value={NEXT} className="secondary" disabled={busy}>
            Opslaan en volgende leerling
          </button>
        )}
        <Link to={student ? `/leerlingen/${student.id}` : '/leerlingen'}>Annuleren</Link>
      </div>
    </form>
  );
}

/** Empties the person's fields (the rest stays for the next student) and puts the cursor in the first. */
function startNextStudent(form: HTMLFormElement | null) {
  if (!form) return;
  for (const name of PERSON_FIELDS) {
    const input = form.elements.namedItem(name);
    if (input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement) input.value = '';
  }
  const first = form.elements.namedItem('firstName');
  if (first instanceof HTMLInputElement) first.focus();
  window.scrollTo({ top: 0 });
}
