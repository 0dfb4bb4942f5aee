import { SESv2Client } from '@aws-sdk/client-sesv2';
import { endpoint } from './endpoint';

let ses: SESv2Client | undefined;

/** The SES (v2) client, once per container. */
export function sesClient(): SESv2Client {
  ses ??= new SESv2Client({ endpoint: endpoint('SESV2') });
  return ses;
}
