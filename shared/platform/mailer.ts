import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { sesClient } from './aws-clients/ses';
import { optionalEnv, settings } from './config';
import { logger } from './log/logger';
import { count, FIGURES } from './metrics';
import { type Suppression, suppressionsOf } from './suppression-list';

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  /** `suppressed` (and no `messageId`) when the mail was not sent because its address is suppressed. */
  send(mail: Mail): Promise<{ messageId: string; suppressed?: Suppression }>;
}

/**
 * Sends through SES v2 from the product's sender address, tracked by the configuration set. An
 * address on the suppression list gets nothing: the answer says so, and a sender that must tell
 * someone (the outbox, the import) reads it. A notification (a takeover answered, a reminder) just
 * goes without; the admin sees the address on the "mislukte mails" page.
 */
export const sesMailer: Mailer = {
  async send(mail) {
    const [suppressed] = (await suppressionsOf(mail.to)).values();
    if (suppressed) {
      logger.warn('Mail not sent: address suppressed', {
        reason: suppressed.reason,
        since: suppressed.since,
      });
      return { messageId: '', suppressed };
    }
    const configurationSet = optionalEnv('SES_CONFIGURATION_SET');
    const result = await sendCounted(
      new SendEmailCommand({
        FromEmailAddress: settings.mailFrom(),
        Destination: { ToAddresses: mail.to },
        ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
        Content: {
          Simple: {
            Subject: { Data: mail.subject, Charset: 'UTF-8' },
            Body: {
              Text: { Data: mail.text, Charset: 'UTF-8' },
              ...(mail.html ? { Html: { Data: mail.html, Charset: 'UTF-8' } } : {}),
            },
          },
        },
      }),
    );
    return { messageId: result.MessageId ?? '' };
  },
};

/** SES's answer, counted as sent or failed; a failure still reaches the caller. */
async function sendCounted(command: SendEmailCommand) {
  try {
    const result = await sesClient().send(command);
    count(FIGURES.mailsSent);
    return result;
  } catch (error) {
    count(FIGURES.mailsFailed);
    throw error;
  }
}
