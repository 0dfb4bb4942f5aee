import type { Organisation } from '#contract/organisations';
import type { StudentInput } from '#contract/students';
import type { Caller } from '#http/caller';
import { conflict, type FieldError, notFound, validationFailed } from '#kernel/errors';
import { newId } from '#kernel/ids';
import { getOrganisation } from '#organisations/store';
import { optionalEnv } from '#platform/config';
import { open, personalDataKeys, seal } from '#platform/crypto';
import { blackoutOf, schoolYearData, visibleFrom } from '#school-year/calendar';
import { type StoredStudent, trackAllowed } from './rules';
import {
  createStudent,
  deleteStudent,
  getStudent,
  replaceStudent,
  StudentWriteRefused,
  stopStudent,
} from './store';

const ACCEPTED = 'Een dienst heeft deze leerling al aanvaard: de gegevens kunnen niet meer gewijzigd worden.';
const STOPPED = 'Deze leerling is gestopt: de gegevens kunnen niet meer gewijzigd worden.';

const schoolYear = () => optionalEnv('SCHOOL_YEAR') ?? '2026-2027';

/** The caller's own student, or 404 — another school's student is indistinguishable from none. */
export async function ownStudent(caller: Caller, id: string): Promise<StoredStudent> {
  const student = await getStudent(id);
  if (!student || student.schoolId !== caller.organisationId) throw notFound('Deze leerling bestaat niet.');
  return student;
}

/** Rules that need data: the track the school offers, an active preferred service. */
async function checkAgainstData(school: Organisation, input: StudentInput): Promise<void> {
  const problems: FieldError[] = [];
  if (!trackAllowed(school.tracks, input.track)) {
    problems.push({ path: 'track', in: 'body', message: 'Je school biedt deze opleidingsvorm niet aan.' });
  }
  if (input.preferredServiceId) {
    const service = await getOrganisation(input.preferredServiceId);
    if (service?.type !== 'service' || !service.active) {
      problems.push({ path: 'preferredServiceId', in: 'body', message: 'Kies een dienst uit de lijst.' });
    }
  }
  if (problems.length > 0) throw validationFailed(problems);
}

const supervisorProblem = () =>
  validationFailed([
    { path: 'internship.supervisorId', in: 'body', message: 'Kies een stagebegeleider van je school.' },
  ]);

async function school(caller: Caller): Promise<Organisation> {
  const organisation = await getOrganisation(caller.organisationId);
  if (!organisation) throw notFound();
  return organisation;
}

export async function enterStudent(caller: Caller, input: StudentInput, now: Date): Promise<StoredStudent> {
  const organisation = await school(caller);
  await checkAgainstData(organisation, input);
  const { nationalNumber, ...rest } = input;
  const stamp = now.toISOString();
  const student: StoredStudent = {
    ...rest,
    id: newId(now.getTime()),
    schoolId: organisation.id,
    schoolName: organisation.name,
    nationalNumberEncrypted: await seal(nationalNumber, personalDataKeys()),
    nationalNumberLast2: nationalNumber.slice(-2),
    registeredAt: stamp,
    updatedAt: stamp,
    visibleFrom: visibleFrom(now, blackoutOf(schoolYearData(schoolYear()))).toISOString(),
  };
  try {
    await createStudent(student);
  } catch (error) {
    if (error instanceof StudentWriteRefused) throw supervisorProblem();
    throw error;
  }
  return student;
}

export async function changeStudent(
  caller: Caller,
  id: string,
  input: StudentInput,
  now: Date,
): Promise<StoredStudent> {
  const previous = await ownStudent(caller, id);
  refuseIfLocked(previous);
  const organisation = await school(caller);
  await checkAgainstData(organisation, input);
  const { nationalNumber, ...rest } = input;
  const next: StoredStudent = {
    ...previous,
    ...rest,
    nationalNumberEncrypted: await seal(nationalNumber, personalDataKeys()),
    nationalNumberLast2: nationalNumber.slice(-2),
    updatedAt: now.toISOString(),
  };
  try {
    await replaceStudent(previous, next);
  } catch (error) {
    if (!(error instanceof StudentWriteRefused)) throw error;
    if (error.reason === 'supervisor') throw supervisorProblem();
    refuseIfLocked((await getStudent(id)) ?? previous);
    throw conflict('Deze leerling werd intussen gewijzigd. Laad de gegevens opnieuw en probeer dan.');
  }
  return next;
}

export async function removeStudent(caller: Caller, id: string): Promise<void> {
  // The write requires the version it read; a concurrent stop or edit means read and try again.
  for (let attempt = 0; ; attempt++) {
    const student = await ownStudent(caller, id);
    if (student.placement) throw conflict(ACCEPTED);
    try {
      await deleteStudent(student);
      return;
    } catch (error) {
      if (!(error instanceof StudentWriteRefused) || attempt >= 3) throw error;
    }
  }
}

export async function markStopped(caller: Caller, id: string, now: Date): Promise<StoredStudent> {
  for (let attempt = 0; ; attempt++) {
    const student = await ownStudent(caller, id);
    if (student.stoppedAt) throw conflict('Deze leerling staat al als gestopt.');
    try {
      await stopStudent(student, now.toISOString());
      return { ...student, stoppedAt: now.toISOString() };
    } catch (error) {
      // Accepted or edited in the meantime: stop the student as they are now.
      if (!(error instanceof StudentWriteRefused) || attempt >= 3) throw error;
    }
  }
}

function refuseIfLocked(student: StoredStudent) {
  if (student.placement) throw conflict(ACCEPTED);
  if (student.stoppedAt) throw conflict(STOPPED);
}

export async function nationalNumberOf(student: StoredStudent): Promise<string> {
  return open(student.nationalNumberEncrypted, personalDataKeys());
}
