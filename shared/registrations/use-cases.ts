import { issueLink } from '#accounts/one-time-links';
import type { Organisation } from '#contract/organisations';
import type { Registration, RegistrationInput, RegistrationStatus } from '#contract/registrations';
import type { Caller } from '#http/caller';
import { conflict, notFound } from '#kernel/errors';
import { newId } from '#kernel/ids';
import { adminAddresses } from '#organisations/admins';
import { addMembership } from '#organisations/memberships';
import { createPerson, EmailTaken, findPersonByEmail, type StoredPerson } from '#organisations/people-store';
import { getOrganisation, putOrganisation } from '#organisations/store';
import { type Mailer, sesMailer } from '#platform/mailer';
import { refuseUnreachable } from '#platform/suppression-list';
import { approvedForMemberMail, approvedMail, receivedMail, rejectedMail, reminderMail } from './mails';
import {
  claimReminder,
  createRegistration,
  decideRegistration,
  getRegistration,
  listRegistrations,
  NotPending,
  pendingSince,
  RegistrationEmailTaken,
  releaseReminder,
  reopenRegistration,
} from './store';

const DAY_MS = 24 * 60 * 60 * 1000;
export const REMINDER_AFTER_DAYS = 10;

const TAKEN = 'Met dit e-mailadres werd al een dienst geregistreerd. Een e-mailadres registreert één keer.';

export async function register(input: RegistrationInput, now: Date, mailer: Mailer = sesMailer) {
  // An address known to be dead would never get the activation mail after the approval.
  await refuseUnreachable(input.manager.email, 'manager.email');
  const registration: Registration = {
    ...input,
    id: newId(now.getTime()),
    status: 'pending',
    submittedAt: now.toISOString(),
  };
  try {
    await createRegistration(registration);
  } catch (error) {
    if (error instanceof RegistrationEmailTaken) {
      throw conflict(TAKEN, [{ path: 'manager.email', in: 'body', message: TAKEN }]);
    }
    throw error;
  }
  await mailer.send(receivedMail(registration));
  return { id: registration.id, status: registration.status };
}

export const registrations = (status?: RegistrationStatus) => listRegistrations(status);

async function pendingOr(id: string): Promise<Registration> {
  const registration = await getRegistration(id);
  if (!registration) throw notFound('Deze registratie bestaat niet.');
  if (registration.status !== 'pending') throw conflict('Over deze registratie werd al beslist.');
  return registration;
}

/** The service as the registration describes it; its id is the registration's, so a retry finds it. */
async function ensureService(r: Registration, now: Date): Promise<Organisation> {
  const existing = await getOrganisation(r.id);
  if (existing) return existing;
  const stamp = now.toISOString();
  const service: Organisation = {
    id: r.id,
    type: 'service',
    name: r.name,
    email: r.email,
    address: r.address,
    province: r.province,
    sector: r.sector,
    active: true,
    createdAt: stamp,
    updatedAt: stamp,
  };
  await putOrganisation(service);
  return service;
}

/** The manager gets an account with an activation mail, or — already having one — a place in the new service. */
async function welcomeManager(r: Registration, service: Organisation, now: Date, mailer: Mailer) {
  let person = await findPersonByEmail(r.manager.email);
  if (!person) {
    const fresh: StoredPerson = {
      id: newId(now.getTime()),
      organisationId: service.id,
      email: r.manager.email,
      name: r.manager.name,
      status: 'invited',
      invitedAt: now.toISOString(),
    };
    try {
      await createPerson(fresh);
      person = fresh;
    } catch (error) {
      if (!(error instanceof EmailTaken)) throw error;
      person = await findPersonByEmail(r.manager.email);
      if (!person) throw error;
    }
  }
  if (person.organisationId === service.id) {
    if (person.status !== 'invited') return;
    const token = await issueLink(person, 'activation', now);
    await mailer.send(approvedMail(r, token));
    return;
  }
  await addMembership(person, service, 'registration', now);
  await mailer.send(approvedForMemberMail(r));
}

export async function approve(caller: Caller, id: string, now: Date, mailer: Mailer = sesMailer) {
  const registration = await pendingOr(id);
  try {
    await decideRegistration(registration, 'approved', {
      decidedAt: now.toISOString(),
      decidedBy: caller.userId,
      serviceId: registration.id,
    });
  } catch (error) {
    if (error instanceof NotPending) throw conflict('Over deze registratie werd al beslist.');
    throw error;
  }
  try {
    const service = await ensureService(registration, now);
    await welcomeManager(registration, service, now, mailer);
  } catch (error) {
    // Nothing lost silently: the registration waits again, and the admin sees the failure.
    await reopenRegistration(registration);
    throw error;
  }
  return { id, status: 'approved' as const, serviceId: registration.id };
}

export async function reject(
  caller: Caller,
  id: string,
  reason: string,
  now: Date,
  mailer: Mailer = sesMailer,
) {
  const registration = await pendingOr(id);
  try {
    await decideRegistration(registration, 'rejected', {
      decidedAt: now.toISOString(),
      decidedBy: caller.userId,
      reason,
    });
  } catch (error) {
    if (error instanceof NotPending) throw conflict('Over deze registratie werd al beslist.');
    throw error;
  }
  await mailer.send(rejectedMail(registration, reason));
  return { id, status: 'rejected' as const };
}

/**
 * One reminder to the admin per registration pending for 10 days. The claim is written before the
 * mail and released when the mail fails, so a run repeated at any moment sends each reminder once.
 */
export async function remindPendingRegistrations(now: Date, mailer: Mailer = sesMailer): Promise<number> {
  const due = (
    await pendingSince(new Date(now.getTime() - REMINDER_AFTER_DAYS * DAY_MS).toISOString())
  ).filter((r) => !r.remindedAt);
  const claimed: Registration[] = [];
  for (const r of due) if (await claimReminder(r.id, now.toISOString())) claimed.push(r);
  if (claimed.length === 0) return 0;
  try {
    const to = await adminAddresses();
    if (to.length === 0) throw new Error('No admin address to remind');
    await mailer.send(reminderMail(to, claimed));
  } catch (error) {
    await Promise.all(claimed.map((r) => releaseReminder(r.id)));
    throw error;
  }
  return claimed.length;
}

/** What the admin sees in the list: everything the service filled in; the manager's phone stays out of lists. */
export function registrationView(r: Registration) {
  const { manager, ...rest } = r;
  return { ...rest, manager: { name: manager.name, email: manager.email } };
}
