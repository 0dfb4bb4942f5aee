import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lambdaContext } from '#local/apigw-event';
import { call } from './helpers/api';
import { validStudent } from './helpers/students';
import { createTestOrganisation, createTestUser, type TestUser, uniqueEmail } from './helpers/users';

type Handler = (e: unknown, c: unknown) => Promise<unknown>;

/** One metric line in the embedded metric format, as CloudWatch Logs reads it. */
interface MetricLine {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: {
      Namespace: string;
      Dimensions: string[][];
      Metrics: { Name: string; Unit: string }[];
    }[];
  };
  [field: string]: unknown;
}

const written: string[] = [];
const as = (u: TestUser) => ({ token: u.accessToken });
let admin: TestUser;
let school: TestUser;
let supervisorId: string;
let metricsSetting: string | undefined;

const event = (sub: string, body: unknown, pathParameters: Record<string, string>) =>
  ({
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    isBase64Encoded: false,
    pathParameters,
    requestContext: { authorizer: { jwt: { claims: { sub, token_use: 'access' }, scopes: [] } } },
  }) as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;

/** The metric lines written since `from` (an index into the captured output). */
function metricLines(from = 0): MetricLine[] {
  return written
    .slice(from)
    .join('')
    .split('\n')
    .filter((line) => line.includes('"_aws"'))
    .map((line) => JSON.parse(line) as MetricLine);
}

/** The lines that carry `name`, with its value(s) and the dimensions the line declares. */
function figure(lines: MetricLine[], name: string) {
  return lines
    .filter((l) => l._aws.CloudWatchMetrics.some((d) => d.Metrics.some((m) => m.Name === name)))
    .map((l) => ({ value: l[name], line: l, dimensions: l._aws.CloudWatchMetrics[0]!.Dimensions[0]! }));
}

async function serviceWithContact() {
  const service = await createTestUser({ organisation: await createTestOrganisation('service') });
  const contact = await call('POST', '/contacts', {
    ...as(service),
    body: { name: 'Mentor Mia', phone: '0471 99 88 77', email: 'mia@dienst.example' },
  });
  expect(contact.status).toBe(201);
  return { ...service, contactId: contact.body.id as string };
}

beforeAll(async () => {
  [admin, school] = await Promise.all([
    createTestUser({ role: 'admin' }),
    createTestUser({ role: 'school' }),
  ]);
  await call('PATCH', `/organisations/${school.organisation.id}`, {
    ...as(admin),
    body: { tracks: ['secondary', 'adult'] },
  });
  const sup = await call('POST', '/supervisors', {
    ...as(school),
    body: { name: 'Begeleider Bart', phone: '050 12 34 56', email: 'bart@school.example' },
  });
  supervisorId = sup.body.id;
  // The adult track is open to every service in the test stack (other files set it the same way).
  expect((await call('PUT', '/tracks/adult/phase', { ...as(admin), body: { phase: 'all' } })).status).toBe(
    200,
  );

  // The local stack keeps metric lines off; this file turns them on, as they are in AWS, and
  // loads the handlers afresh so that they make their metrics with that setting.
  metricsSetting = process.env.POWERTOOLS_METRICS_DISABLED;
  process.env.POWERTOOLS_METRICS_DISABLED = 'false';
  vi.resetModules();
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
});

afterAll(() => {
  vi.restoreAllMocks();
  process.env.POWERTOOLS_METRICS_DISABLED = metricsSetting;
});

describe('figures in the function logs (embedded metric format)', () => {
  it('an acceptance writes Acceptances and the decision by status; the loser writes a conflict', async () => {
    const decide = (await import('../../functions/matching/requests/decide')).handler as Handler;
    const [winner, loser] = await Promise.all([serviceWithContact(), serviceWithContact()]);
    const entered = await call('POST', '/students', {
      ...as(school),
      body: validStudent(supervisorId, { track: 'adult' }),
    });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    const studentId = entered.body.id as string;
    const from = written.length;

    const accept = (svc: typeof winner) =>
      decide(
        event(svc.sub, { status: 'accepted', contactId: svc.contactId, periods: [0] }, { studentId }),
        lambdaContext('requests-decide'),
      ) as Promise<APIGatewayProxyStructuredResultV2>;
    expect((await accept(winner)).statusCode).toBe(200);
    expect((await accept(loser)).statusCode).toBe(409);

    const lines = metricLines(from);
    const [accepted] = figure(lines, 'Acceptances');
    expect(accepted).toMatchObject({ value: 1, dimensions: ['service', 'schoolYear'] });
    expect(accepted!.line).toMatchObject({ service: 'stagematching', schoolYear: '2026-2027' });
    expect(accepted!.line._aws.CloudWatchMetrics[0]).toMatchObject({
      Namespace: 'Stagematching',
      Metrics: expect.arrayContaining([{ Name: 'Acceptances', Unit: 'Count' }]),
    });
    const decisions = figure(lines, 'Decisions');
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ value: 1, dimensions: ['service', 'schoolYear', 'status'] });
    expect(decisions[0]!.line.status).toBe('accepted');
    expect(figure(lines, 'AcceptanceConflicts').map((f) => f.value)).toEqual([1]);
  });

  it('an invitation mail writes MailsSent and Invitations', async () => {
    const invite = (await import('../../functions/matching/organisations/members-invite')).handler as Handler;
    const organisation = await createTestOrganisation('school');
    const from = written.length;
    const res = (await invite(
      event(
        admin.sub,
        { email: uniqueEmail('uitgenodigd'), name: 'Nieuwe Collega' },
        { id: organisation.id },
      ),
      lambdaContext('members-invite'),
    )) as APIGatewayProxyStructuredResultV2;
    expect(res.statusCode, res.body).toBe(201);

    const lines = metricLines(from);
    expect(lines).toHaveLength(1);
    expect(figure(lines, 'MailsSent')[0]).toMatchObject({ value: 1, dimensions: ['service', 'schoolYear'] });
    expect(figure(lines, 'Invitations')[0]?.value).toBe(1);
    expect(figure(lines, 'MailsFailed')).toEqual([]);
  });

  it('the mailings tick writes its heartbeat and the age of the oldest mail still waiting', async () => {
    const { addToOutbox, claim, ensureMoment, markMomentDone, outboxOf } = await import(
      '#school-year/outbox-store'
    );
    const { brusselsWall } = await import('#kernel/time');
    const tick = (await import('../../functions/notify/round-mailing')).handler as Handler;
    const now = new Date();
    const queuedAt = new Date(now.getTime() - 20 * 60_000);
    const roundId = `mailing-metrics-${randomUUID().slice(0, 8)}`;
    await addToOutbox({
      roundId,
      moment: 'send',
      personId: 'p-wacht',
      organisationId: school.organisation.id,
      organisationName: school.organisation.name,
      mail: { to: [uniqueEmail('wacht')], subject: 'Wacht', text: 'Wacht nog even.' },
      createdAt: queuedAt.toISOString(),
    });
    await ensureMoment({ roundId, id: 'send', kind: 'adhoc', at: brusselsWall(queuedAt) });
    // Another tick holds it (a lease): this tick leaves it pending, 20 minutes after it was queued.
    const [item] = await outboxOf(roundId, 'send');
    expect(await claim(item!, now, 10 * 60_000)).toBe(true);
    const from = written.length;

    await tick({ kind: 'tick', scheduledTime: now.toISOString() }, lambdaContext('notify'));

    const lines = metricLines(from);
    expect(figure(lines, 'MailingsTick').map((f) => f.value)).toEqual([1]);
    const [age] = figure(lines, 'OutboxOldestPendingAge');
    // Other files' mailings may wait longer still; this one waits 20 minutes.
    expect(age?.value).toBeGreaterThanOrEqual(20 * 60);
    expect(age!.line._aws.CloudWatchMetrics[0]!.Metrics).toContainEqual({
      Name: 'OutboxOldestPendingAge',
      Unit: 'Seconds',
    });
    // The queued mail was counted by the outbox and written with the tick's figures.
    expect(figure(metricLines(), 'MailsQueued').length).toBeGreaterThan(0);
    await markMomentDone(roundId, 'send', now.toISOString());
  });

  it("an SES bounce handed to the tick's function writes MailsBounced, and no tick heartbeat", async () => {
    const { feedbackEvent, sesEventFor } = await import('#local/mail-feedback');
    const tick = (await import('../../functions/notify/round-mailing')).handler as Handler;
    const from = written.length;
    await tick(feedbackEvent('bounce', sesEventFor('bounce', uniqueEmail('terug'))), lambdaContext('notify'));
    const lines = metricLines(from);
    expect(figure(lines, 'MailsBounced').map((f) => f.value)).toEqual([1]);
    expect(figure(lines, 'MailingsTick')).toEqual([]);
  });
});
