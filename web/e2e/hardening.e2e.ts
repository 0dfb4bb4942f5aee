import { describe, expect, inject, it } from 'vitest';
import { withCheckDigits } from '#contract/national-number';
import type { Contact, Supervisor } from '#contract/people';
import type { StudentDetail } from '#contract/students-responses';
import { chromiumForThisFile, heading, signedIn, watchForErrors } from './browser';
import { linkInLatestMail } from './mailbox';
import {
  adminToken,
  call,
  personOf,
  put,
  schoolOrganisation,
  serviceOrganisation,
  studentBody,
} from './people';

const browser = chromiumForThisFile();
const signIn = (email: string, password: string) => signedIn(browser(), email, password);

/** Half hours and two periods: the pages must show 19,5 and 80,5 in Belgian notation. */
const studentOf = (supervisorId: string, lastName: string) =>
  studentBody(
    supervisorId,
    { lastName, nationalNumber: '85073003328' },
    {
      hoursPerWeek: 19.5,
      totalHours: 80.5,
      periods: [
        { start: '2026-10-05', end: '2026-10-30' },
        { start: '2027-02-01', end: '2027-02-26' },
      ],
    },
  );

async function schoolWithStudent() {
  const school = await personOf(schoolOrganisation(), 'Sara Secretariaat');
  const supervisor = await call<Supervisor>(
    '/supervisors',
    { name: 'Begeleider Bart', phone: '050 12 34 56', email: 'bart@school.example' },
    school.accessToken,
  );
  const lastName = `Harden${Date.now().toString(36)}`;
  const student = await call<StudentDetail>(
    '/students',
    studentOf(supervisor.id, lastName),
    school.accessToken,
  );
  return { school, student, lastName };
}

describe('accounts: one-time links in the fragment, password strength, changing the password', () => {
  it('activates from a #token link, shows the strength while typing, and changes the password in Mijn account', async () => {
    const admin = await adminToken();
    const org = await call<{ id: string }>('/organisations', schoolOrganisation(), admin);
    const email = `sterk.${Date.now().toString(36)}@e2e.example`;
    await call(`/organisations/${org.id}/members`, { email, name: 'Sterke Sofie' }, admin);
    const link = await linkInLatestMail(email);
    expect(link).toContain('/activeren#token=');

    const page = await (await browser().newContext()).newPage();
    const errors = watchForErrors(page);
    await page.goto(link);
    await expect.poll(() => heading(page)).toBe('Account activeren');
    // The token is read and taken out of the address bar.
    expect(page.url()).not.toContain('token');
    await expect.poll(() => page.title()).toBe('Account activeren — Stagematching gezinszorg');

    await page.getByLabel('Nieuw wachtwoord').fill('passwordpassword');
    await expect.poll(() => page.locator('.strength').textContent()).toContain('te makkelijk te raden');
    await page.getByLabel('Nieuw wachtwoord').fill('zonnebloem kanaal trein vijf');
    await expect.poll(() => page.locator('.strength').textContent()).toContain('goed zo');
    await page.getByLabel('Herhaal het wachtwoord').fill('zonnebloem kanaal trein vijf');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await expect.poll(() => heading(page)).toMatch(/^Welkom/);

    await page.getByRole('link', { name: 'Mijn account' }).click();
    await expect.poll(() => heading(page)).toBe('Mijn account');
    await page.getByLabel('Huidig wachtwoord').fill('zonnebloem kanaal trein vijf');
    await page.getByLabel('Nieuw wachtwoord').fill('wachtwoord1234');
    await expect.poll(() => page.locator('.strength').textContent()).toContain('te makkelijk te raden');
    await page.getByLabel('Nieuw wachtwoord').fill('regenboog fiets molen zeven');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('regenboog fiets molen zeven');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Je wachtwoord is gewijzigd');
    expect(errors).toEqual([]);

    const again = await signIn(email, 'regenboog fiets molen zeven');
    expect(await heading(again)).toMatch(/^Welkom/);
  });
});

describe('a service and a school after acceptance', () => {
  it("shows the accepted period, the mentor and the notes in the service's accepted tab; numbers in Belgian notation", async () => {
    const { school, student, lastName } = await schoolWithStudent();
    await put('/tracks/secondary/phase', { phase: 'all' }, await adminToken());
    const service = await personOf(serviceOrganisation('Familiehulp Brugge'), 'Hilde Mentor');
    const contact = await call<Contact>(
      '/contacts',
      { name: 'Mentor Marleen', phone: '050 11 22 33', email: 'marleen@dienst.example' },
      service.accessToken,
    );
    await put(
      `/requests/${student.id}/decision`,
      { status: 'accepted', contactId: contact.id, periods: [1], notes: 'Start om 8 uur aan het kantoor.' },
      service.accessToken,
    );

    const page = await signIn(service.email, service.password);
    await page.getByRole('link', { name: 'Stagevragen' }).click();
    await page.getByRole('tab', { name: 'Aanvaard door ons' }).click();
    const row = page.getByRole('row', { name: new RegExp(lastName) });
    await expect.poll(() => row.textContent()).toContain('Mentor Marleen');
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('01/02 – 26/02/2027');
    expect(text).not.toContain('05/10/2026');
    expect(text).toContain('Start om 8 uur aan het kantoor.');
    expect(text).toContain('80,5');
    expect(text).not.toContain('80.5');
    await expect.poll(() => page.title()).toBe('Stagevragen — Stagematching gezinszorg');

    // The filters are folded into a panel; on a phone the rows are cards: nothing scrolls sideways.
    expect(await page.locator('details.filter-panel').getAttribute('open')).toBeNull();
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `/tmp/harden-accepted-${width}.png`, fullPage: true });
      expect(await page.evaluate('document.scrollingElement.scrollWidth <= window.innerWidth')).toBe(true);
      expect(await row.getByText('Mentor Marleen').isVisible()).toBe(true);
    }
    await page.setViewportSize({ width: 1366, height: 900 });

    // The contact-persons page speaks the service's language, not the school's.
    await page.getByRole('link', { name: 'Contactpersonen' }).click();
    await expect.poll(() => heading(page)).toBe('Contactpersonen');
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toContain('Stagebegeleider');
    expect(body).not.toContain('Diensten zien');

    // The school sees the numbers in Belgian notation too.
    const schoolPage = await signIn(school.email, school.password);
    await schoolPage.goto(`${inject('appUrl')}/leerlingen/${student.id}`);
    await expect.poll(() => schoolPage.locator('main').textContent()).toContain('80,5');
    expect(await schoolPage.locator('main').textContent()).toContain('19,5');
    // The detail names the preferred service, and no label runs into its value.
    expect(await schoolPage.locator('main').textContent()).toContain('Voorkeursdienst');
    for (const width of [1366, 390]) {
      await schoolPage.setViewportSize({ width, height: 900 });
      const label = await schoolPage.locator('dt', { hasText: 'Rijksregisternummer' }).boundingBox();
      const value = await schoolPage.locator('dt:has-text("Rijksregisternummer") + dd').boundingBox();
      expect(label && value).toBeTruthy();
      const overlaps =
        label!.x < value!.x + value!.width &&
        value!.x < label!.x + label!.width &&
        label!.y < value!.y + value!.height &&
        value!.y < label!.y + label!.height;
      expect(overlaps, `at ${width} px`).toBe(false);
      await schoolPage.screenshot({ path: `/tmp/harden-student-${width}.png`, fullPage: true });
    }
  });

  it('does not offer "Aanvaarden" to a service without contact persons', async () => {
    const { lastName } = await schoolWithStudent();
    await put('/tracks/secondary/phase', { phase: 'all' }, await adminToken());
    const service = await personOf(serviceOrganisation('Zonder Contact'), 'Nora Nieuw');
    const page = await signIn(service.email, service.password);
    // Other tests' students share the list: filter on the name (the filters live in the URL).
    await page.goto(`${inject('appUrl')}/stagevragen?name=${lastName}`);
    const row = page.getByRole('row', { name: new RegExp(lastName) });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByRole('button', { name: 'Aanvaarden' }).isDisabled()).toBe(true);
  });

  it('lets a school undo "gestopt"', async () => {
    const { school, student } = await schoolWithStudent();
    const page = await signIn(school.email, school.password);
    await page.goto(`${inject('appUrl')}/leerlingen/${student.id}`);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Leerling is gestopt' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Toch niet gestopt' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Toch niet gestopt' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Leerling is gestopt' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: 'Gegevens wijzigen' }).count()).toBe(1);
  });
});

describe('a failed save of the long student form', () => {
  it('shows an error summary at the top, moves focus to it, and each link leads to its field', async () => {
    const school = await personOf(schoolOrganisation(), 'Sara Secretariaat');
    await call(
      '/supervisors',
      { name: 'Begeleider Bart', phone: '050 12 34 56', email: 'bart@school.example' },
      school.accessToken,
    );
    const page = await signIn(school.email, school.password);
    await page.goto(`${inject('appUrl')}/leerlingen/nieuw`);
    await expect.poll(() => heading(page)).toBe('Leerling toevoegen');
    await page.getByLabel('Voornaam').fill('Anke');
    await page.getByLabel('Rijksregisternummer').fill('85.07.30-033.29'); // one digit off
    await page.getByRole('button', { name: 'Leerling bewaren' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'Controleer' });
    await expect.poll(() => summary.count()).toBe(1);
    // Focus is on the summary, not on the page body.
    await expect
      .poll(() => page.evaluate("document.activeElement?.classList.contains('error-summary')"))
      .toBe(true);
    const links = summary.getByRole('link');
    expect(await links.count()).toBeGreaterThan(2);
    await summary.getByRole('link', { name: /^Rijksregisternummer:/ }).click();
    await expect.poll(() => page.evaluate('document.activeElement?.name')).toBe('nationalNumber');

    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `/tmp/harden-form-${width}.png` });
    }
  });
});

describe('a national register number the school entered before', () => {
  it('says so under the field and links to the student who has it', async () => {
    const { school, student, lastName } = await schoolWithStudent();
    const supervisorId = student.internship?.supervisorId ?? '';
    const other = await call<StudentDetail>(
      '/students',
      {
        ...studentOf(supervisorId, `${lastName}b`),
        firstName: 'Mira',
        nationalNumber: withCheckDigits('900202001', false),
      },
      school.accessToken,
    );
    const page = await signIn(school.email, school.password);
    await page.goto(`${inject('appUrl')}/leerlingen/${other.id}/wijzigen`);
    await page.getByLabel('Rijksregisternummer').fill('85.07.30-033.28');
    await page.getByRole('button', { name: 'Wijzigingen bewaren' }).click();

    const link = page.getByRole('link', { name: 'Open de leerling met dit rijksregisternummer' });
    await expect.poll(() => link.count()).toBe(1);
    expect(await page.locator('.field-invalid').filter({ has: link }).textContent()).toContain(
      'Je school schreef deze leerling al in',
    );
    await link.click();
    await expect.poll(() => page.url()).toBe(`${inject('appUrl')}/leerlingen/${student.id}`);
    await expect.poll(() => heading(page)).toContain('Lotte');
  });
});

describe('help', () => {
  it('has a help page with the helpline and the frequent questions, reachable from every page', async () => {
    const page = await (await browser().newContext()).newPage();
    await page.goto(`${inject('appUrl')}/aanmelden`);
    await page.getByRole('link', { name: 'Hulp en veelgestelde vragen' }).click();
    await expect.poll(() => heading(page)).toBe('Hulp en veelgestelde vragen');
    await expect.poll(() => page.title()).toBe('Hulp en veelgestelde vragen — Stagematching gezinszorg');
    // The helpline's hours are a setting of the deployment (locally its stand-in).
    await expect.poll(() => page.locator('main').textContent()).toContain('behalve woensdag');
    expect(await page.locator('main').textContent()).toContain('Wie mag een leerling aanvaarden?');
  });
});
