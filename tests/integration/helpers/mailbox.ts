import { inject } from 'vitest';

interface StoredMail {
  messageId: string;
  subject: string;
  destination: { to: string[] };
  body: { text?: string };
  date?: string;
}

/** The newest mail to an address, read from the local SES store, as a person would read it. */
export async function latestMailTo(email: string, timeoutMs = 5000): Promise<StoredMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const store = (await (await fetch(`${inject('stack').mailboxUrl}/store`)).json()) as {
      emails: StoredMail[];
    };
    const mails = store.emails.filter((m) => m.destination.to.includes(email));
    if (mails.length > 0) return mails[mails.length - 1]!;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No mail arrived for ${email}`);
}

export async function mailsTo(email: string): Promise<StoredMail[]> {
  const store = (await (await fetch(`${inject('stack').mailboxUrl}/store`)).json()) as {
    emails: StoredMail[];
  };
  return store.emails.filter((m) => m.destination.to.includes(email));
}

/** The `token` of the first link in a mail. */
export function tokenIn(mail: StoredMail): string {
  const match = /https?:\/\/\S+[?#]token=([\w-]+)/.exec(mail.body.text ?? '');
  if (!match?.[1]) throw new Error(`No link with a token in "${mail.subject}"`);
  return match[1];
}
