import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { sesClient } from './aws-clients/ses';
import { optionalEnv, settings } from './config';
import { count, FIGURES } from './metrics';

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(mail: Mail): Promise<{ messageId: string }>;
}

/** Sends through SES v2 from the product's sender address, tracked by the configuration set. */
export const sesMailer: Mailer = {
  async send(mail) {
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
