import type { Organisation } from '#contract/organisations';
import type { StudentInput } from '#contract/students';
import type { Caller } from '#http/caller';
import { businessRule, conflict, type FieldError, notFound, validationFailed } from '#kernel/errors';
import { newId } from '#kernel/ids';
import { brusselsDate } from '#kernel/time';
import { noticeItem } from '#notices/store';
import { getOrganisation } from '#organisations/store';
import { contacts } from '#people/contacts';
import { mentorRead } from '#people/mentor-slots';
import { currentLearners, holdsSlot, mentorCapacity } from '#people/rules';
import { blindIndex } from '#platform/blind-index';
import { open, personalDataKeys, seal } from '#platform/crypto';
import { blackoutOf, visibleFrom } from '#school-year/calendar';
import { programmeOf } from '#school-year/rules';
import { loadCalendar } from '#school-year/store';
import { endedNews } from './news';
import { type StoredStudent, trackAllowed } from './rules';
import {
  type Alongside,
  claimsOnNationalNumber,
  createStudent,
  deleteStudent,
  getStudent,
  mentorOf,
  replaceStudent,
  resumeStudent,
  StudentWriteRefused,
  stopStudent,
  studentWithNationalNumber,
} from './store';
import { windowOf } from './window';

const DUPLICATE = 'Je school schreef deze leerling al in met dit rijksregisternummer.';
const CHANGED =
  'Deze leerling werd intussen gewijzigd of geplaatst. Open de leerling opnieuw en probeer het nog eens.';

const ACCEPTED = 'Een dienst heeft deze leerling al aanvaard: de gegevens kunnen niet meer gewijzigd worden.';
const STOPPED = 'Deze leerling is gestopt: de gegevens kunnen niet meer gewijzigd worden.';

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
  const nationalNumberHash = await nationalNumberKey(nationalNumber);
  await refuseDuplicate(nationalNumberHash, organisation.id);
  const calendar = await loadCalendar();
  const student: StoredStudent = {
    ...rest,
    id: newId(now.getTime()),
    schoolId: organisation.id,
    schoolName: organisation.name,
    nationalNumberEncrypted: await seal(nationalNumber, personalDataKeys()),
    nationalNumberLast2: nationalNumber.slice(-2),
    nationalNumberHash,
    registeredAt: stamp,
    updatedAt: stamp,
    version: 1,
    visibleFrom: visibleFrom(now, blackoutOf(calendar), programmeOf(input)).toISOString(),
    ...windowOf(calendar.rounds, input, now),
  };
  try {
    await createStudent(student, await duplicateNotices(student, now));
  } catch (error) {
    if (!(error instanceof StudentWriteRefused)) throw error;
    if (error.reason === 'duplicate') await refuseDuplicate(nationalNumberHash, organisation.id);
    throw supervisorProblem();
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
  const nationalNumberHash = await nationalNumberKey(nationalNumber);
  const renumbered = nationalNumberHash !== previous.nationalNumberHash;
  if (renumbered) await refuseDuplicate(nationalNumberHash, organisation.id, id);
  const { windowDate: _previousWindow, ...kept } = previous;
  const next: StoredStudent = {
    ...kept,
    ...rest,
    // An edited date, or a window that closed meanwhile, may move the student to another window.
    ...windowOf((await loadCalendar()).rounds, input, now),
    nationalNumberEncrypted: await seal(nationalNumber, personalDataKeys()),
    nationalNumberLast2: nationalNumber.slice(-2),
    nationalNumberHash,
    updatedAt: now.toISOString(),
  };
  try {
    await replaceStudent(previous, next, renumbered ? await duplicateNotices(next, now) : []);
  } catch (error) {
    if (!(error instanceof StudentWriteRefused)) throw error;
    if (error.reason === 'supervisor') throw supervisorProblem();
    if (error.reason === 'duplicate') await refuseDuplicate(nationalNumberHash, organisation.id, id);
    refuseIfLocked((await getStudent(id)) ?? previous);
    throw conflict(CHANGED);
  }
  return { ...next, version: (previous.version ?? 0) + 1 };
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
      const at = now.toISOString();
      // A placed student's stop ends the placement: the school's people hear of it once.
      const ended = endedNews(student, 'stopped', at);
      await stopStudent(student, at, ended ? [ended] : []);
      return { ...student, stoppedAt: at, updatedAt: at, version: (student.version ?? 0) + 1 };
    } catch (error) {
      // Accepted or edited in the meantime: stop the student as they are now.
      if (!(error instanceof StudentWriteRefused) || attempt >= 3) throw error;
    }
  }
}

const nationalNumberKey = (nationalNumber: string) => blindIndex('national-number', nationalNumber);

/** 409 with the student who has the number already, so the form can link to them. */
/** The school's student with this national register number, if it has one (its id). */
export async function studentOfSchoolWithNumber(
  schoolId: string,
  nationalNumber: string,
): Promise<string | null> {
  return studentWithNationalNumber(await nationalNumberKey(nationalNumber), schoolId);
}

async function refuseDuplicate(hash: string, schoolId: string, self?: string): Promise<void> {
  const existing = await studentWithNationalNumber(hash, schoolId);
  if (!existing || existing === self) return;
  throw conflict(DUPLICATE, [
    { path: 'nationalNumber', in: 'body', message: DUPLICATE, existingStudentId: existing },
  ]);
}

/**
 * A person may change schools, so another school's student with the same number is allowed; the
 * admin gets a notice, written with the student (both or neither).
 */
async function duplicateNotices(student: StoredStudent, now: Date): Promise<Alongside[]> {
  if (!student.nationalNumberHash) return [];
  const others = (await claimsOnNationalNumber(student.nationalNumberHash)).filter(
    (c) => c.schoolId !== student.schoolId,
  );
  if (others.length === 0) return [];
  return [
    noticeItem({
      id: newId(now.getTime()),
      kind: 'duplicate_national_number',
      at: now.toISOString(),
      studentId: student.id,
      studentName: `${student.firstName} ${student.lastName}`,
      schoolId: student.schoolId,
      schoolName: student.schoolName,
      otherStudents: others.map((o) => ({
        studentId: o.studentId,
        schoolId: o.schoolId,
        schoolName: o.schoolName,
      })),
    }),
  ];
}

/** Undoes a stop the school entered by mistake. */
export async function markResumed(caller: Caller, id: string, now: Date): Promise<StoredStudent> {
  // The write requires the version it read; an acceptance or edit in between means read again.
  for (let attempt = 0; ; attempt++) {
    const student = await ownStudent(caller, id);
    if (!student.stoppedAt) throw conflict('Deze leerling staat niet als gestopt.');
    const slot = await mentorSlotOf(student, now);
    if (slot?.full && student.placement) {
      const { contact, serviceName } = student.placement;
      throw businessRule(
        `${contact.name} begeleidt intussen al ${slot.limit} duaal lerenden, het maximum voor een mentor. Vraag ${serviceName} eerst een plaats vrij te maken.`,
        { mentor: contact.name, limit: slot.limit },
      );
    }
    try {
      await resumeStudent(student, now.toISOString(), slot);
      const { stoppedAt: _s, ...resumed } = student;
      return { ...resumed, version: (student.version ?? 0) + 1, updatedAt: now.toISOString() };
    } catch (error) {
      // The student or their mentor changed since they were read: read both again.
      if (!(error instanceof StudentWriteRefused)) throw error;
      if (attempt >= 3) throw conflict('Deze leerling werd intussen gewijzigd. Laad de pagina opnieuw.');
    }
  }
}

/**
 * A placed dual learner's stop freed their mentor's slot: resuming takes it back, within the limit,
 * unless their training contract ended already (then they are back without taking a slot).
 */
async function mentorSlotOf(student: StoredStudent, now: Date) {
  const mentor = mentorOf(student);
  if (!mentor) return undefined;
  const [service, contact] = await Promise.all([
    getOrganisation(mentor.serviceId),
    contacts.get(mentor.serviceId, mentor.contactId),
  ]);
  // The contact cannot be deleted while an acceptance names them; without one, nothing to take.
  if (!contact) return undefined;
  const today = brusselsDate(now);
  const limit = mentorCapacity(service?.sector);
  const end = student.placement?.trainingContract?.end ?? null;
  const takes = holdsSlot(end, today);
  return {
    mentor: mentorRead(contact),
    end,
    guarded: takes,
    limit,
    full: takes && currentLearners(contact.learners, today, student.id) >= limit,
  };
}

function refuseIfLocked(student: StoredStudent) {
  if (student.placement) throw conflict(ACCEPTED);
  if (student.stoppedAt) throw conflict(STOPPED);
}

export async function nationalNumberOf(student: StoredStudent): Promise<string> {
  // Erased with the rest of its school year's personal data (shared/school-year/retention.ts).
  if (!student.nationalNumberEncrypted) return '';
  return open(student.nationalNumberEncrypted, personalDataKeys());
}
