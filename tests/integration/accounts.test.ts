import { beforeAll, describe, expect, it } from 'vitest';
import { forgotPassword } from '#accounts/forgot-password';
import { invitePerson } from '#accounts/invitations';
import type { Organisation } from '#contract/organisations';
import { call, cookieFrom } from './helpers/api';
import { latestMailTo, mailsTo, tokenIn } from './helpers/mailbox';
import {
  createTestOrganisation,
  createTestUser,
  GOOD_PASSWORD,
  type TestUser,
  uniqueEmail,
} from './helpers/users';

let admin: TestUser;
beforeAll(async () => {
  admin = await createTestUser({ role: 'admin' });
});

const newSchool = () => ({
  type: 'school',
  name: 'Sint-Jozefsinstituut',
  email: uniqueEmail('school'),
  tracks: ['secondary', 'dual'],
  address: { street: 'Schoolstraat 4', postcode: '8500', city: 'Kortrijk' },
});

async function invite(organisation: Organisation) {
  const email = uniqueEmail('person');
  const res = await call('POST', `/organisations/${organisation.id}/members`, {
    token: admin.accessToken,
    body: { email, name: 'Leen Claes' },
  });
  expect(res.status).toBe(201);
  return { email, personId: res.body.id as string, token: tokenIn(await latestMailTo(email)) };
}

describe('invitation and activation', () => {
  it('invites by mail; the link sets a password once and logs the person in with their role', async () => {
    const school = await call('POST', '/organisations', { token: admin.accessToken, body: newSchool() });
    expect(school.status).toBe(201);
    const { email, token } = await invite(school.body);
    const mail = await latestMailTo(email);
    expect(mail.subject).toBe('Je account voor Stagematching gezinszorg');
    expect(mail.body.text).toContain('Sint-Jozefsinstituut');
    expect(mail.body.text).toMatch(/\/activeren#token=/);

    const activated = await call('POST', '/auth/activate', { body: { token, password: GOOD_PASSWORD } });
    expect(activated.status).toBe(200);
    expect(activated.body).toEqual({ accessToken: expect.any(String), expiresIn: expect.any(Number) });
    expect(activated.body.expiresIn).toBeLessThanOrEqual(15 * 60);
    expect(activated.cookies[1]).toMatch(/^sm_hint=1; Path=\/; Max-Age=\d+; SameSite=Strict$/);
    expect(activated.cookies[0]).toMatch(
      /^sm_session=[^;]+; Path=\/api\/auth; Max-Age=\d+; HttpOnly; SameSite=Strict/,
    );
    const me = await call('GET', '/me', { token: activated.body.accessToken });
    expect(me.body).toMatchObject({
      email,
      name: 'Leen Claes',
      role: 'school',
      organisation: { name: 'Sint-Jozefsinstituut' },
    });

    const again = await call('POST', '/auth/activate', { body: { token, password: GOOD_PASSWORD } });
    expect(again.status).toBe(410);
    expect(again.body.message).toMatch(/nieuwe activatiemail/);
  });

  it('refuses weak passwords with a field error, and the link keeps working', async () => {
    const organisation = await createTestOrganisation('service');
    const { email, token } = await invite(organisation);
    for (const password of ['kort', 'qwerty123456', 'Qwerty123456', email]) {
      const res = await call('POST', '/auth/activate', { body: { token, password } });
      expect(res.status, password).toBe(400);
      expect(res.body.details).toEqual([{ path: 'password', in: 'body', message: expect.any(String) }]);
    }
    expect((await call('POST', '/auth/activate', { body: { token, password: GOOD_PASSWORD } })).status).toBe(
      200,
    );
  });

  it('answers 410 for an expired link, and a new activation mail replaces the old link', async () => {
    const organisation = await createTestOrganisation('school');
    const email = uniqueEmail('late');
    await invitePerson(organisation, { email, name: 'Laat' }, new Date(Date.now() - 8 * 24 * 3600 * 1000));
    const expired = tokenIn(await latestMailTo(email));
    expect(
      (await call('POST', '/auth/activate', { body: { token: expired, password: GOOD_PASSWORD } })).status,
    ).toBe(410);

    expect((await call('POST', '/auth/resend-activation', { body: { email } })).status).toBe(202);
    const fresh = tokenIn(await latestMailTo(email));
    expect(fresh).not.toBe(expired);
    expect(
      (await call('POST', '/auth/activate', { body: { token: fresh, password: GOOD_PASSWORD } })).status,
    ).toBe(200);
  });

  it('answers resend-activation with 202 for any address and mails only people still to activate', async () => {
    const nobody = uniqueEmail('nobody');
    const res = await call('POST', '/auth/resend-activation', { body: { email: nobody } });
    expect(res.status).toBe(202);
    expect(await mailsTo(nobody)).toEqual([]);
    const active = await createTestUser();
    expect((await call('POST', '/auth/resend-activation', { body: { email: active.email } })).status).toBe(
      202,
    );
    expect(await mailsTo(active.email)).toEqual([]);
  });

  it('refuses a second account with the same email address (409 on the field)', async () => {
    const organisation = await createTestOrganisation('school');
    const { email } = await invite(organisation);
    const res = await call('POST', `/organisations/${organisation.id}/members`, {
      token: admin.accessToken,
      body: { email: email.toUpperCase(), name: 'Dubbel' },
    });
    expect(res.status).toBe(409);
    expect(res.body.details).toEqual([
      { path: 'email', in: 'body', message: 'Dit e-mailadres heeft al een account.' },
    ]);
  });
});

describe('login, refresh and logout', () => {
  it('gives the same 401 for an unknown address and a wrong password', async () => {
    const user = await createTestUser();
    const unknown = await call('POST', '/auth/login', {
      body: { email: uniqueEmail('x'), password: 'wat dan ook hier' },
    });
    const wrong = await call('POST', '/auth/login', {
      body: { email: user.email, password: 'wat dan ook hier' },
    });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('locks an address for 15 minutes after 5 failures in a row, and says so', async () => {
    const user = await createTestUser();
    for (let i = 1; i <= 4; i++) {
      expect(
        (await call('POST', '/auth/login', { body: { email: user.email, password: `fout ${i} fout fout` } }))
          .status,
      ).toBe(401);
    }
    const fifth = await call('POST', '/auth/login', {
      body: { email: user.email, password: 'fout 5 fout fout' },
    });
    expect(fifth.status).toBe(429);
    expect(fifth.body.message).toContain('15 minuten geblokkeerd');
    const right = await call('POST', '/auth/login', { body: { email: user.email, password: user.password } });
    expect(right.status).toBe(429);
  });

  it('resets the count after a successful login', async () => {
    const user = await createTestUser();
    for (let i = 0; i < 4; i++)
      await call('POST', '/auth/login', { body: { email: user.email, password: 'fout fout fout fout' } });
    expect(
      (await call('POST', '/auth/login', { body: { email: user.email, password: user.password } })).status,
    ).toBe(200);
    for (let i = 0; i < 4; i++)
      await call('POST', '/auth/login', { body: { email: user.email, password: 'fout fout fout fout' } });
    expect(
      (await call('POST', '/auth/login', { body: { email: user.email, password: user.password } })).status,
    ).toBe(200);
  });

  it('renews the access token from the cookie and stops after logout', async () => {
    const user = await createTestUser();
    const login = await call('POST', '/auth/login', { body: { email: user.email, password: user.password } });
    const cookie = cookieFrom(login);
    const refreshed = await call('POST', '/auth/refresh', { cookie });
    expect(refreshed.status).toBe(200);
    expect((await call('GET', '/me', { token: refreshed.body.accessToken })).status).toBe(200);
    expect((await call('POST', '/auth/refresh')).status).toBe(401);
    expect((await call('POST', '/auth/refresh', { cookie: `${cookie}x` })).status).toBe(401);

    const logout = await call('POST', '/auth/logout', { cookie });
    expect(logout.status).toBe(204);
    expect(logout.cookies[0]).toContain('Max-Age=0');
    expect((await call('POST', '/auth/refresh', { cookie })).status).toBe(401);
  });

  it('lets one person be logged in from two browsers at once', async () => {
    const user = await createTestUser();
    const first = await call('POST', '/auth/login', { body: { email: user.email, password: user.password } });
    const second = await call('POST', '/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect((await call('POST', '/auth/refresh', { cookie: cookieFrom(first) })).status).toBe(200);
    expect((await call('POST', '/auth/refresh', { cookie: cookieFrom(second) })).status).toBe(200);
  });
});

describe('forgot and reset password', () => {
  it('always answers 202, and mails a one-time link to an existing account', async () => {
    expect(
      (await call('POST', '/auth/forgot-password', { body: { email: uniqueEmail('nobody') } })).status,
    ).toBe(202);
    const user = await createTestUser();
    expect((await call('POST', '/auth/forgot-password', { body: { email: user.email } })).status).toBe(202);
    const mail = await latestMailTo(user.email);
    expect(mail.subject).toBe('Nieuw wachtwoord voor Stagematching gezinszorg');
    expect(mail.body.text).toMatch(/\/wachtwoord-herstellen#token=/);
  });

  it('sets the new password, ends the other sessions, and works once', async () => {
    const user = await createTestUser();
    const otherBrowser = await call('POST', '/auth/login', {
      body: { email: user.email, password: user.password },
    });
    await new Promise((r) => setTimeout(r, 1100)); // sessions are compared by the second
    await call('POST', '/auth/forgot-password', { body: { email: user.email } });
    const token = tokenIn(await latestMailTo(user.email));

    const weak = await call('POST', '/auth/reset-password', { body: { token, password: '1qaz2wsx3edc' } });
    expect(weak.status).toBe(400);
    expect(weak.body.details[0].path).toBe('password');

    const newPassword = 'mijn nieuwe lange zin';
    const reset = await call('POST', '/auth/reset-password', { body: { token, password: newPassword } });
    expect(reset.status).toBe(200);
    expect((await call('GET', '/me', { token: reset.body.accessToken })).status).toBe(200);

    expect((await call('GET', '/me', { token: otherBrowser.body.accessToken })).status).toBe(401);
    expect((await call('POST', '/auth/refresh', { cookie: cookieFrom(otherBrowser) })).status).toBe(401);
    expect(
      (await call('POST', '/auth/login', { body: { email: user.email, password: user.password } })).status,
    ).toBe(401);
    expect(
      (await call('POST', '/auth/login', { body: { email: user.email, password: newPassword } })).status,
    ).toBe(200);
    expect(
      (await call('POST', '/auth/reset-password', { body: { token, password: 'nog een andere lange zin' } }))
        .status,
    ).toBe(410);
  });

  it('refuses an expired reset link with 410', async () => {
    const user = await createTestUser();
    await forgotPassword(user.email, new Date(Date.now() - 61 * 60 * 1000));
    const token = tokenIn(await latestMailTo(user.email));
    expect(
      (await call('POST', '/auth/reset-password', { body: { token, password: 'mijn nieuwe lange zin' } }))
        .status,
    ).toBe(410);
  });
});

describe('deactivation', () => {
  it('refuses a deactivated person from their next request on', async () => {
    const user = await createTestUser({ role: 'service' });
    expect((await call('GET', '/me', { token: user.accessToken })).status).toBe(200);
    const res = await call('DELETE', `/organisations/${user.organisation.id}/members/${user.person.id}`, {
      token: admin.accessToken,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'deactivated' });
    expect((await call('GET', '/me', { token: user.accessToken })).status).toBe(403);
    expect(
      (await call('POST', '/auth/login', { body: { email: user.email, password: user.password } })).status,
    ).not.toBe(200);
  });

  it('refuses every person of a deactivated organisation', async () => {
    const user = await createTestUser({ role: 'school' });
    const res = await call('PATCH', `/organisations/${user.organisation.id}`, {
      token: admin.accessToken,
      body: { active: false },
    });
    expect(res.status).toBe(200);
    expect((await call('GET', '/me', { token: user.accessToken })).status).toBe(403);
  });
});
