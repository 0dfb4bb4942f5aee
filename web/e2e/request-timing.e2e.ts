import { mkdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { withCheckDigits } from '#contract/national-number';
import type { Supervisor } from '#contract/people';
import { chromiumForThisFile, signedIn, watchForErrors } from './browser';
import { call, personOf, schoolOrganisation, studentBody } from './people';

/** The school sees on the student's page when and in which adult-education window services see the request. */

const browser = chromiumForThisFile();

describe('when the request goes out', () => {
  it('an adult student in the April–June range: the page names the window and its opening, at 1366 and 390 px', async () => {
    const school = await personOf(schoolOrganisation(['adult']), 'Carla Cvo');
    const supervisor = await call<Supervisor>(
      '/supervisors',
      { name: 'Begeleider Bart', phone: '050 12 34 56', email: 'bart@school.example' },
      school.accessToken,
    );
    const student = await call<{ id: string }>(
      '/students',
      studentBody(
        supervisor.id,
        {
          track: 'adult',
          firstName: 'Vera',
          lastName: `Venster${Date.now().toString(36)}`,
          nationalNumber: withCheckDigits(
            `850730${String(500 + (Date.now() % 400)).padStart(3, '0')}`,
            false,
          ),
          email: 'vera@cursist.example',
          transport: ['car'],
        },
        { periods: [{ start: '2027-04-12', end: '2027-05-07' }] },
      ),
      school.accessToken,
    );
    mkdirSync('/tmp/school', { recursive: true });
    for (const [label, viewport] of [
      ['1366', { width: 1366, height: 768 }],
      ['390', { width: 390, height: 844 }],
    ] as const) {
      const page = await signedIn(browser(), school.email, school.password, { viewport });
      const errors = watchForErrors(page);
      await page.goto(`${inject('appUrl')}/leerlingen/${student.id}`);
      const notice = page.getByTestId('shown-notice');
      await expect
        .poll(() => notice.textContent())
        .toBe(
          'De diensten zien deze aanvraag vanaf 01/02/2027, in "Volwassenenonderwijs: stages april–juni".',
        );
      await page.screenshot({ path: `/tmp/school/shown-${label}.png` });
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });
});
