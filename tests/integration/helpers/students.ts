import { withCheckDigits } from '#contract/national-number';

let serial = 100;

/** A valid Belgian national register number, different on every call. */
export function nationalNumber(bornFrom2000 = false): string {
  serial = (serial + 7) % 997;
  const birth = bornFrom2000 ? '050315' : '850730';
  return withCheckDigits(`${birth}${String(serial).padStart(3, '0')}`, bornFrom2000);
}

/** A complete, valid internship request; tests change one thing to break one rule. */
export function validStudent(supervisorId: string, overrides: Record<string, unknown> = {}) {
  return {
    track: 'secondary',
    // Secondary students belong to a programme; other tracks have none.
    ...((overrides.track ?? 'secondary') === 'secondary' ? { programme: 'seventh_year' } : {}),
    firstName: 'Anke',
    lastName: 'Peeters',
    nationalNumber: nationalNumber(),
    email: 'anke.peeters@leerling.example',
    phone: '0470 12 34 56',
    address: { street: 'Stationsstraat 12', postcode: '8000', city: 'Brugge' },
    province: 'west-vlaanderen',
    transport: ['bike', 'public_transport'],
    remarks: 'Kleurenblind.',
    internship: {
      supervisorId,
      form: 'block',
      hoursPerWeek: 19,
      totalHours: 80,
      periods: [
        { start: '2026-10-05', end: '2026-10-30' },
        { start: '2027-02-01', end: '2027-02-26' },
      ],
      remarks: '',
    },
    ...overrides,
  };
}
