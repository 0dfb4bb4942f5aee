import { describe, expect, it } from 'vitest';
import { StudentInput } from '#contract/students';
import { readCursor, writeCursor } from '#platform/table/cursor';
import { periodsProblem } from '#requests/rules';

const valid = {
  track: 'secondary',
  programme: 'seventh_year',
  firstName: 'Lotte',
  lastName: 'Peeters',
  nationalNumber: '01.02.03-123.45',
  email: 'lotte@example.be',
  phone: '0470 12 34 56',
  address: { street: 'Kerkstraat 1', postcode: '9000', city: 'Gent' },
  province: 'oost-vlaanderen',
  transport: ['bike'],
  internship: {
    supervisorId: 'sup1',
    form: 'alternating',
    totalHours: 120,
    periods: [{ start: '2026-10-01', end: '2026-10-31' }],
  },
};

/** The field paths of the problems the input schema reports. */
function problems(input: unknown): string[] {
  const result = StudentInput.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

describe('a student request: the cross-field checks', () => {
  it('asks the programme of a secondary student, and only of a secondary student', () => {
    const { programme: _p, ...withoutProgramme } = valid;
    expect(problems({ ...withoutProgramme, nationalNumber: '01.02.03-123.45' })).toContain('programme');
    expect(
      problems({ ...valid, track: 'adult', programme: 'third_grade', nationalNumber: '01.02.03-123.45' }),
    ).toContain('programme');
    expect(
      problems({ ...withoutProgramme, track: 'adult', nationalNumber: '01.02.03-123.45' }),
    ).not.toContain('programme');
  });

  it('knows the five transport means of the newest manual, moped among them', () => {
    expect(
      problems({ ...valid, transport: ['moped', 'ebike', 'car', 'bike', 'public_transport'] }),
    ).not.toContain('transport.0');
    expect(problems({ ...valid, transport: ['scooter'] })).toContain('transport.0');
  });

  it('takes a complete request (valid checksum)', () => {
    // 01.02.03-123.xx: the checksum of a person born in 2001 is 97 - (2010203123 mod 97)
    const base = Number('2010203123') % 97;
    const number = `010203123${String(97 - base).padStart(2, '0')}`;
    expect(problems({ ...valid, nationalNumber: number })).toEqual([]);
  });

  it('asks hours per week when the form includes a block', () => {
    const block = { ...valid.internship, form: 'block' };
    expect(problems({ ...valid, internship: block })).toContain('internship.hoursPerWeek');
    expect(problems({ ...valid, internship: { ...block, hoursPerWeek: 30 } })).not.toContain(
      'internship.hoursPerWeek',
    );
  });

  it('wants weekdays for dual learning, and only there', () => {
    expect(problems({ ...valid, track: 'dual' })).toContain('internship.weekdays');
    expect(problems({ ...valid, internship: { ...valid.internship, weekdays: ['monday'] } })).toContain(
      'internship.weekdays',
    );
  });

  it('refuses a period that ends before it starts', () => {
    const periods = [{ start: '2026-10-10', end: '2026-10-01' }];
    expect(problems({ ...valid, internship: { ...valid.internship, periods } })).toContain(
      'internship.periods.0.end',
    );
  });

  it('refuses more than four periods', () => {
    const periods = Array.from({ length: 5 }, () => ({ start: '2026-10-01', end: '2026-10-02' }));
    expect(problems({ ...valid, internship: { ...valid.internship, periods } })).toContain(
      'internship.periods',
    );
  });
});

describe('accepted periods', () => {
  it('must be among the periods the school asked for', () => {
    expect(periodsProblem([0, 1], 2)).toBeNull();
    expect(periodsProblem([2], 2)).toMatch(/periodes/);
  });
});

describe('the list cursor', () => {
  it('reads back what it wrote', () => {
    for (const c of [
      { m: 'offset', o: 50 },
      { m: 'index', p: 2 },
      { m: 'index', p: 2, id: 'abc1', sk: '8000#peeters#abc1' },
    ] as const) {
      expect(readCursor(writeCursor(c))).toEqual(c);
    }
  });

  it('turns anything else into a field error on the cursor', () => {
    for (const bad of [
      'x',
      writeCursor({ m: 'offset', o: -1 }),
      Buffer.from('{"m":"z"}').toString('base64url'),
      // The old form handed DynamoDB's key to the client; no cursor may carry one any more.
      writeCursor({ m: 'index', p: 0, k: { pk: 'STUDENT#1', sk: 'STUDENT' } } as never),
      writeCursor({ m: 'index', p: 0, id: 'abc1', sk: 'not-ending-in-the-id' }),
    ]) {
      expect(() => readCursor(bad)).toThrow(expect.objectContaining({ status: 400 }));
    }
  });
});
