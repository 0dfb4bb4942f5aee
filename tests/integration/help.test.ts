import { describe, expect, it } from 'vitest';
import { call } from './helpers/api';
import { latestMailTo } from './helpers/mailbox';
import { createTestUser } from './helpers/users';

/** The stack's own settings (setup-env.ts copies them into this process). */
const helpline = () => ({
  email: process.env.HELPLINE_EMAIL,
  phone: process.env.HELPLINE_PHONE,
  hours: process.env.HELPLINE_HOURS,
});

describe('the helpline', () => {
  it('is a setting of the deployment, answered to anyone for the help page', async () => {
    expect(helpline().email).toMatch(/@/);
    const res = await call('GET', '/help');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(helpline());
  });

  it("is in every mail's footer, in the text and the HTML", async () => {
    const user = await createTestUser();
    expect((await call('POST', '/auth/forgot-password', { body: { email: user.email } })).status).toBe(202);
    const mail = await latestMailTo(user.email);
    const { email, phone, hours } = helpline();
    expect(mail.body.text).toContain(`Vragen? De hulplijn van de sector: ${email} of ${phone} (${hours}).`);
    const html = (mail.body as { html?: string }).html ?? '';
    expect(html).toContain(`mailto:${email}`);
  });
});
