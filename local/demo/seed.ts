import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { cognitoLogins } from '#accounts/cognito';
import { StudentInput } from '#contract/students';
import { createPerson, EmailTaken, putIdentity, type StoredPerson } from '#organisations/people-store';
import { putOrganisation } from '#organisations/store';
import { contacts as contactsRepo } from '#people/contacts';
import { mentorRead } from '#people/mentor-slots';
import { mentorCapacity } from '#people/rules';
import { supervisors as supervisorsRepo } from '#people/supervisors';
import { personalDataKeys, seal } from '#platform/crypto';
import { AcceptanceRefused, acceptStudent, recordDecision } from '#requests/decisions-store';
import { blackoutOf, shippedCalendarFor, visibleFrom } from '#school-year/calendar';
import { programmeOf } from '#school-year/rules';
import { countedOf } from '#statistics/counted';
import type { StoredStudent } from '#students/rules';
import { createStudent, getStudent, StudentWriteRefused } from '#students/store';
import { windowOf } from '#students/window';
import { DEMO_PASSWORD, demoWorld } from './generate';

export interface SeedReport {
  created: {
    organisations: number;
    logins: number;
    supervisors: number;
    students: number;
    contacts: number;
    placements: number;
  };
  skipped: number;
  logins: ReturnType<typeof demoWorld>['logins'];
}

/** Whether a create found its item already there: that is how a second run skips everything. */
async function created(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException || error instanceof EmailTaken) return false;
    if (error instanceof StudentWriteRefused && error.reason === 'student') return false;
    throw error;
  }
}

/** In batches: enough parallel writes to be quick, few enough to be kind to the emulators. */
async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<boolean>): Promise<number> {
  let done = 0;
  for (let i = 0; i < items.length; i += size) {
    const results = await Promise.all(items.slice(i, i + size).map(work));
    done += results.filter(Boolean).length;
  }
  return done;
}

export async function seedDemo(schoolYear: string): Promise<SeedReport> {
  const world = demoWorld();
  const calendar = shippedCalendarFor(schoolYear);
  const blackout = blackoutOf(calendar);
  const total =
    world.services.length +
    world.schools.length +
    world.logins.length +
    world.supervisors.length +
    world.students.length +
    world.contacts.length +
    world.dualLearners.length;

  const organisations = await inBatches([...world.services, ...world.schools], 20, (org) =>
    created(() => putOrganisation(org, { onlyIfNew: true })),
  );

  const logins = await inBatches(world.logins, 5, async (login) => {
    const org = [...world.services, ...world.schools].find((o) => o.id === login.organisationId)!;
    const person: StoredPerson = {
      id: `${login.organisationId}-login`,
      organisationId: login.organisationId,
      email: login.email,
      name: login.name,
      status: 'active',
      invitedAt: org.createdAt,
      activatedAt: org.createdAt,
    };
    if (!(await created(() => createPerson(person)))) return false;
    const sub = await cognitoLogins.ensure(login.email);
    await cognitoLogins.setPassword(login.email, DEMO_PASSWORD);
    await putIdentity(sub, person, org.type);
    return true;
  });

  const supervisors = await inBatches(world.supervisors, 20, (s) =>
    created(() => supervisorsRepo.put(s.schoolId, s)),
  );

  const keys = personalDataKeys();
  const schoolNames = new Map(world.schools.map((s) => [s.id, s.name]));
  const students = await inBatches(world.students, 20, async (demo) => {
    // The same rules as a school's form: demo data that breaks them would be a bug here.
    const { nationalNumber, ...input } = StudentInput.parse(demo.input);
    const student: StoredStudent = {
      ...input,
      id: demo.id,
      schoolId: demo.schoolId,
      schoolName: schoolNames.get(demo.schoolId)!,
      nationalNumberEncrypted: await seal(nationalNumber, keys),
      nationalNumberLast2: nationalNumber.slice(-2),
      registeredAt: demo.registeredAt,
      updatedAt: demo.registeredAt,
      visibleFrom: visibleFrom(new Date(demo.registeredAt), blackout, programmeOf(input)).toISOString(),
      ...windowOf(calendar.rounds, input, new Date(demo.registeredAt)),
    };
    return created(() => createStudent(student));
  });

  const contacts = await inBatches(world.contacts, 20, (c) =>
    created(() => contactsRepo.put(c.serviceId, c)),
  );
  const placements = await inBatches(world.dualLearners, 1, (p) => placeDualLearner(world, p));

  const made = organisations + logins + supervisors + students + contacts + placements;
  return {
    created: { organisations, logins, supervisors, students, contacts, placements },
    skipped: total - made,
    logins: world.logins,
  };
}

/**
 * A dual learner invited and accepted with a mentor, through the same store writes as the API
 * (the invitation, then the acceptance transaction with the mentor's capacity). Runs once: a placed
 * student is skipped.
 */
async function placeDualLearner(
  world: ReturnType<typeof demoWorld>,
  p: ReturnType<typeof demoWorld>['dualLearners'][number],
): Promise<boolean> {
  const student = await getStudent(p.studentId);
  if (!student || student.placement) return false;
  const service = world.services.find((s) => s.id === p.serviceId)!;
  const mentor = world.contacts.find((c) => c.id === p.contactId)!;
  const at = '2026-09-21T08:00:00.000Z';
  const base = { studentId: student.id, serviceId: service.id, decidedBy: 'demo', track: student.track };
  await recordDecision(
    { ...base, status: 'invited', decidedAt: at, serviceName: service.name },
    { status: 'undecided', exists: false },
    true,
  );
  const acceptedAt = '2026-09-28T08:00:00.000Z';
  // The mentor's learners as stored now (the first placement finds none).
  const stored = await contactsRepo.get(service.id, mentor.id);
  if (!stored) return false;
  try {
    await acceptStudent(
      { ...base, status: 'accepted', decidedAt: acceptedAt, serviceName: service.name },
      {
        serviceId: service.id,
        serviceName: service.name,
        contact: { name: mentor.name, phone: mentor.phone, email: mentor.email },
        contactId: mentor.id,
        periods: student.internship.periods.map((_, i) => i),
        notes: 'Start na het sollicitatiegesprek.',
        acceptedAt,
        acceptedBy: 'demo',
      },
      mentor.id,
      countedOf(student),
      { mentorLimit: mentorCapacity(service.sector), mentor: mentorRead(stored), keep: { invitedAt: at } },
    );
    return true;
  } catch (error) {
    if (error instanceof AcceptanceRefused) return false;
    throw error;
  }
}
