import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { OUTCOME_DUE_DAYS } from '#contract/requests';
import { brusselsDate } from '#kernel/time';
import { listOrganisations } from '#organisations/store';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { type Mailer, sesMailer } from '#platform/mailer';
import { keys, ttl } from '#platform/table/keys';
import { serviceDecisions } from './decisions-store';
import { outcomeOverdue } from './rules';

/**
 * The reminder mail: every active service with dual-learning invitations that have waited more than
 * OUTCOME_DUE_DAYS for their outcome hears how many. At most one mail per service per Brussels day:
 * a marker item is written (conditionally) before the mail, so a job that runs twice sends once.
 * A failed mail removes nothing: the run fails and is retried (the marker of that service is
 * cleared first, so the retry sends it).
 */
export async function sendOutcomeReminders(now: Date, mailer: Mailer = sesMailer) {
  const services = (await listOrganisations('service')).filter((s) => s.active);
  const day = brusselsDate(now);
  let sent = 0;
  for (const service of services) {
    const decisions = await serviceDecisions(service.id);
    const overdue = [...decisions.values()].filter(
      (d) => d.track === 'dual' && outcomeOverdue(d.status, d.decidedAt, now),
    ).length;
    if (overdue === 0) continue;
    const marker = keys.outcomeReminder(service.id, day);
    try {
      await dynamoClient().send(
        new PutCommand({
          TableName: settings.tableName(),
          Item: { ...marker, expiresAt: ttl(now.getTime() + 30 * 86_400_000) },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) continue;
      throw error;
    }
    try {
      await mailer.send({
        to: [service.email],
        subject: `Stagematching: ${overdue} ${overdue === 1 ? 'uitnodiging wacht' : 'uitnodigingen wachten'} op een uitkomst`,
        text: [
          `Beste ${service.name},`,
          '',
          `${overdue === 1 ? 'Eén leerling duaal leren werd' : `${overdue} leerlingen duaal leren werden`} meer dan ${OUTCOME_DUE_DAYS} dagen geleden uitgenodigd op gesprek, zonder dat de uitkomst werd ingevuld.`,
          'Noteer na elk gesprek de beslissing in de tool: aanvaard, niet aanvaard of niet opgedaagd.',
          'Je vindt deze leerlingen onder Stagevragen → Duaal leren, gemarkeerd als "uitkomst invullen".',
          '',
          'Met vriendelijke groeten,',
          'Stagematching gezinszorg',
        ].join('\n'),
      });
      sent++;
    } catch (error) {
      await dynamoClient().send(new DeleteCommand({ TableName: settings.tableName(), Key: marker }));
      throw error;
    }
  }
  return { sent };
}
