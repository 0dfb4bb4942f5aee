import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { sesMailer } from '#platform/mailer';

interface StoredMail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
}

describe('mail through the local SES', () => {
  it('arrives in the mailbox with sender, recipient, subject and Dutch text intact', async () => {
    const subject = `Ronde geopend ${randomUUID()}`;
    const { messageId } = await sesMailer.send({
      to: ['hr@dienst-gezinszorg.example'],
      subject,
      text: 'Beste collega, de ronde "voorkeursdienst" is geopend. Veel succes!',
    });
    expect(messageId).not.toBe('');
    const store = (await (await fetch(`${inject('stack').mailboxUrl}/store`)).json()) as {
      emails: StoredMail[];
    };
    const mail = store.emails.find((m) => m.subject === subject);
    expect(mail).toBeDefined();
    expect(mail!.from).toContain('no-reply@stagematching.local');
    expect(mail!.destination.to).toEqual(['hr@dienst-gezinszorg.example']);
    expect(mail!.body.text).toContain('de ronde "voorkeursdienst" is geopend');
  });

  it('shows the mailbox page people open to read local mail', async () => {
    const res = await fetch(`${inject('stack').mailboxUrl}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
  });
});
