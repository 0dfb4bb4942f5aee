import { TAKEOVER_ANSWER_DAYS, type Takeover } from '#contract/takeovers';
import type { Caller } from '#http/caller';
import { isNational } from '#http/region';
import { conflict, forbidden, notFound } from '#kernel/errors';
import { newId } from '#kernel/ids';
import { adminAddresses } from '#organisations/admins';
import { addMembership, isMember, managersOf } from '#organisations/memberships';
import { getOrganisation, listOrganisations } from '#organisations/store';
import { type Mailer, sesMailer } from '#platform/mailer';
import { answeredMail, escalatedMail, requestedMail } from './mails';
import {
  createTakeover,
  decideTakeover,
  escalate,
  escalatedTakeovers,
  getTakeover,
  openTakeoversOf,
  overdueTakeovers,
  type StoredTakeover,
  TakeoverExists,
  TakeoverMoved,
  takeoversOfService,
  unescalate,
} from './store';

const DAY_MS = 24 * 60 * 60 * 1000;

export function takeoverView(t: StoredTakeover): Takeover {
  const { requesterEmail: _e, ...view } = t;
  return view;
}

/** Services a person may ask to take over: every active one. Names and places only. */
export async function servicesToTakeOver() {
  const services = (await listOrganisations('service')).filter((s) => s.active);
  return services.map((s) => ({
    id: s.id,
    name: s.name,
    city: s.address?.city ?? '',
    province: s.province ?? null,
  }));
}

export async function requestTakeover(
  caller: Caller,
  serviceId: string,
  now: Date,
  mailer: Mailer = sesMailer,
) {
  const service = await getOrganisation(serviceId);
  if (service?.type !== 'service' || !service.active) throw notFound('Deze dienst bestaat niet.');
  if (caller.organisationId === serviceId || (await isMember(caller.userId, serviceId))) {
    throw conflict('Je beheert deze dienst al.');
  }
  const takeover: StoredTakeover = {
    id: newId(now.getTime()),
    serviceId,
    serviceName: service.name,
    requesterId: caller.userId,
    requesterName: caller.name,
    requesterEmail: caller.email,
    requesterOrganisationId: caller.organisationId,
    status: 'pending',
    requestedAt: now.toISOString(),
    deadline: new Date(now.getTime() + TAKEOVER_ANSWER_DAYS * DAY_MS).toISOString(),
  };
  try {
    await createTakeover(takeover);
  } catch (error) {
    if (error instanceof TakeoverExists)
      throw conflict('Je vroeg al om deze dienst over te nemen; die vraag loopt nog.');
    throw error;
  }
  const managers = await managersOf(serviceId);
  const to = managers.length > 0 ? managers.map((m) => m.email) : [service.email];
  await mailer.send(requestedMail(to, takeover));
  return takeoverView(takeover);
}

/** The admin sees what waits for them; a service its own requests; everyone their own open ones. */
export async function takeoversFor(caller: Caller) {
  const [mine, forService, escalated] = await Promise.all([
    openTakeoversOf(caller.userId),
    caller.role === 'service' ? takeoversOfService(caller.organisationId) : Promise.resolve([]),
    // Escalations are the national team's to answer (`takeovers-approve` is nationalOnly).
    caller.role === 'admin' && isNational(caller) ? escalatedTakeovers() : Promise.resolve([]),
  ]);
  return {
    mine: mine.map(takeoverView),
    forService: forService.map(takeoverView),
    escalated: escalated.map(takeoverView),
  };
}

export async function answerTakeover(
  caller: Caller,
  id: string,
  approved: boolean,
  now: Date,
  mailer: Mailer = sesMailer,
) {
  const t = await getTakeover(id);
  const isAdmin = caller.role === 'admin';
  if (!t || (!isAdmin && caller.organisationId !== t.serviceId)) throw notFound('Deze vraag bestaat niet.');
  if (t.status !== 'pending') throw conflict('Over deze vraag werd al beslist.');
  if (isAdmin && !t.escalatedAt) {
    throw forbidden('De beheerders van de dienst beslissen tot de termijn van twee weken voorbij is.');
  }
  if (!isAdmin && (t.escalatedAt || now.toISOString() >= t.deadline)) {
    throw conflict('De termijn van twee weken is voorbij: het team van de sector beslist nu.');
  }
  try {
    await decideTakeover(
      t,
      approved ? 'approved' : 'rejected',
      isAdmin ? 'admin' : 'managers',
      now.toISOString(),
    );
  } catch (error) {
    if (error instanceof TakeoverMoved)
      throw conflict('Over deze vraag werd net beslist of ze ging naar het team.');
    throw error;
  }
  if (approved) {
    const service = await getOrganisation(t.serviceId);
    if (service) {
      await addMembership(
        { id: t.requesterId, name: t.requesterName, email: t.requesterEmail },
        service,
        'takeover',
        now,
      );
    }
  }
  await mailer.send(answeredMail(t.requesterEmail, t, approved));
  return takeoverView({
    ...t,
    status: approved ? 'approved' : 'rejected',
    decidedAt: now.toISOString(),
    decidedBy: isAdmin ? 'admin' : 'managers',
  });
}

/**
 * Every open takeover past its deadline goes to the admin, once: the escalation is claimed in the
 * table before the mail, and undone when the mail fails, so the next run tries again.
 */
export async function escalateOverdueTakeovers(now: Date, mailer: Mailer = sesMailer): Promise<number> {
  const due = await overdueTakeovers(now.toISOString());
  let escalated = 0;
  const failures: unknown[] = [];
  for (const t of due) {
    if (!(await escalate(t, now.toISOString()))) continue;
    try {
      const to = await adminAddresses();
      if (to.length === 0) throw new Error('No admin address for an escalation');
      await mailer.send(escalatedMail(to, t));
      escalated++;
    } catch (error) {
      await unescalate(t);
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} escalation(s) failed`);
  return escalated;
}
