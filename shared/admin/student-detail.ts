import { audit } from '#audit/record';
import type { AdminStudentDetail, RevealedPersonalData } from '#contract/admin';
import { formatNationalNumber, maskNationalNumber } from '#contract/national-number';
import type { Caller } from '#http/caller';
import { assertInRegion, type Region, regionOf } from '#http/region';
import { notFound } from '#kernel/errors';
import { getPerson } from '#organisations/people-store';
import { getOrganisation } from '#organisations/store';
import { supervisors } from '#people/supervisors';
import { decisionsOnStudent, historyOf, statusCountsOf } from '#requests/decisions-store';
import { releaseRequestOf } from '#requests/release-requests';
import { getStudent } from '#students/store';
import { nationalNumberOf } from '#students/use-cases';
import { adminListItem } from './all-students';
import { releasesOf } from './release';

/** The student, if it exists (404) and lies in the actor's region (403, see `#http/region`). */
async function studentInRegion(id: string, region: Region) {
  const student = await getStudent(id);
  if (!student) throw notFound('Deze leerling bestaat niet.');
  assertInRegion(region, student.province);
  return student;
}

const maskEmail = (email: string) => email.replace(/^(.).*(@.*)$/, '$1•••$2');
const maskPhone = (phone: string) => `•••• •• ${phone.replace(/\D/g, '').slice(-2)}`;

/**
 * Everything about one student for the sector: the request, the placement, every service's current
 * decision, how often services chose each status (`statusCounts`), the decision history as a
 * timeline, and the personal data masked until the admin asks to see it (audited).
 */
export async function adminStudentDetail(id: string, now: Date, region: Region): Promise<AdminStudentDetail> {
  const student = await studentInRegion(id, region);
  const [history, decisions, counts, supervisor, releaseRequest] = await Promise.all([
    historyOf(id),
    decisionsOnStudent(id),
    statusCountsOf([id]),
    supervisors.get(student.schoolId, student.internship.supervisorId),
    releaseRequestOf(id),
  ]);
  const serviceIds = [...new Set([...history, ...decisions].map((h) => h.serviceId))];
  const services = new Map(
    (await Promise.all(serviceIds.map((sid) => getOrganisation(sid)))).flatMap((o) =>
      o ? [[o.id, o.name]] : [],
    ),
  );
  const pairs = [...new Set(history.map((h) => `${h.serviceId}/${h.decidedBy}`))];
  const people = new Map(
    await Promise.all(
      pairs.map(async (pair) => {
        const [orgId, personId] = pair.split('/') as [string, string];
        return [pair, (await getPerson(orgId, personId))?.name ?? null] as const;
      }),
    ),
  );
  return {
    ...adminListItem(student, now, counts.get(id)!),
    address: student.address,
    transport: student.transport,
    remarks: student.remarks,
    internship: student.internship,
    preferredServiceId: student.preferredServiceId ?? null,
    visibleFrom: student.visibleFrom,
    stoppedAt: student.stoppedAt ?? null,
    supervisor: supervisor ? { name: supervisor.name } : null,
    placementDetail: student.placement
      ? { contact: { name: student.placement.contact.name }, notes: student.placement.notes }
      : null,
    personal: {
      nationalNumber: maskNationalNumber(student.nationalNumberLast2),
      email: maskEmail(student.email),
      phone: maskPhone(student.phone),
      masked: true,
    },
    // Where every service stands now (`invitedAt`: when it first invited a dual student).
    decisions: decisions
      .sort((a, b) => a.decidedAt.localeCompare(b.decidedAt))
      .map((d) => ({
        serviceId: d.serviceId,
        serviceName: services.get(d.serviceId) ?? d.serviceName ?? null,
        status: d.status,
        decidedAt: d.decidedAt,
        invitedAt: d.invitedAt ?? null,
      })),
    history: history
      .sort((a, b) => a.decidedAt.localeCompare(b.decidedAt))
      .map((h) => ({
        at: h.decidedAt,
        serviceId: h.serviceId,
        serviceName: services.get(h.serviceId) ?? null,
        personId: h.decidedBy,
        personName: people.get(`${h.serviceId}/${h.decidedBy}`) ?? null,
        status: h.status,
      })),
    releases: releasesOf(student),
    releaseRequest,
  };
}

/** The admin's "toon": the personal data in full, and an audit entry that says who saw it. */
export async function revealPersonalData(
  caller: Caller,
  id: string,
  now: Date,
): Promise<RevealedPersonalData> {
  const student = await studentInRegion(id, regionOf(caller));
  const nationalNumber = formatNationalNumber(await nationalNumberOf(student));
  await audit(
    caller,
    'reveal',
    {
      kind: 'student',
      id: student.id,
      label: `${student.firstName} ${student.lastName}`,
      provinces: [student.province],
    },
    { fields: 'nationalNumber,email,phone' },
    now,
  );
  return { nationalNumber, email: student.email, phone: student.phone };
}
