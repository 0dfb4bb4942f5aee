import { inject } from 'vitest';

/** The newest link in the newest mail to an address, read from the local SES mailbox. */
export async function linkInLatestMail(to: string, timeoutMs = 5000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const store = (await (await fetch(`${inject('mailboxUrl')}/store`)).json()) as {
      emails: { destination: { to: string[] }; body: { text?: string } }[];
    };
    const mail = store.emails.filter((m) => m.destination.to.includes(to)).at(-1);
    const link = /https?:\/\/\S+[?#]token=[\w-]+/.exec(mail?.body.text ?? '')?.[0];
    if (link) return link;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No mail with a link for ${to}`);
}
