import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recipientEvents, SesEvent } from '#bounces/ses-event';

const recorded = (name: string) =>
  SesEvent.parse(JSON.parse(readFileSync(`local/ses-events/${name}.json`, 'utf8')));

describe('what an SES event means for each address', () => {
  it('suppresses on a permanent bounce, with what the receiving server said', () => {
    expect(recipientEvents(recorded('bounce'))).toEqual([
      {
        messageId: 'EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000',
        email: 'recipient@example.com',
        kind: 'bounce',
        permanent: true,
        detail: 'smtp; 550 5.1.1 user unknown',
        at: '2017-08-05T00:41:02.669Z',
      },
    ]);
  });

  it('records a transient bounce (a full mailbox) without suppressing the address', () => {
    const event = recorded('bounce');
    event.bounce!.bounceType = 'Transient';
    event.bounce!.bounceSubType = 'MailboxFull';
    event.bounce!.bouncedRecipients = [{ emailAddress: 'Vol@Example.com' }];
    expect(recipientEvents(event)).toEqual([
      expect.objectContaining({
        email: 'vol@example.com',
        permanent: false,
        detail: 'Transient (MailboxFull)',
      }),
    ]);
  });

  it('suppresses on a complaint', () => {
    expect(recipientEvents(recorded('complaint'))).toEqual([
      expect.objectContaining({ kind: 'complaint', permanent: true, detail: 'abuse' }),
    ]);
  });

  it('records delays and rejects as facts about one mail, and ignores what it did not ask for', () => {
    const base = recorded('bounce');
    const delay = SesEvent.parse({
      eventType: 'DeliveryDelay',
      mail: base.mail,
      deliveryDelay: {
        delayType: 'TransientCommunicationFailure',
        delayedRecipients: [{ emailAddress: 'later@example.com', status: '4.4.1' }],
        timestamp: '2017-08-05T00:45:00.000Z',
      },
    });
    expect(recipientEvents(delay)).toEqual([
      expect.objectContaining({
        kind: 'delay',
        permanent: false,
        email: 'later@example.com',
        detail: '4.4.1',
      }),
    ]);
    const reject = SesEvent.parse({
      eventType: 'Reject',
      mail: base.mail,
      reject: { reason: 'Bad content' },
    });
    expect(recipientEvents(reject)).toEqual([
      expect.objectContaining({
        kind: 'reject',
        permanent: false,
        email: 'recipient@example.com',
        detail: 'Bad content',
      }),
    ]);
    expect(recipientEvents(SesEvent.parse({ eventType: 'Delivery', mail: base.mail }))).toEqual([]);
  });
});
