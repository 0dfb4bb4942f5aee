import {
  FORM_LABELS,
  PROGRAMME_LABELS,
  TRACK_LABELS,
  TRANSPORT_LABELS,
  WEEKDAY_LABELS,
} from '#contract/labels';
import { normaliseNationalNumber } from '#contract/national-number';
import type { Track } from '#contract/organisations';
import { PROVINCE_LABELS, provinceOfPostcode } from '#contract/provinces';
import {
  MAX_STUDENT_IMPORT_ROWS,
  OPTIONAL_STUDENT_IMPORT_COLUMNS,
  STUDENT_IMPORT_COLUMNS,
  type StudentImportError,
} from '#contract/student-imports';
import { MAX_PERIODS, StudentInput } from '#contract/students';
import { fold } from '#kernel/text';

export interface StudentCandidate {
  row: number;
  input: StudentInput;
}

/** What the school has that a sheet names in words: its tracks, supervisors and the services. */
export interface StudentSheetContext {
  tracks: readonly Track[];
  supervisors: readonly { id: string; name: string; email: string }[];
  services: readonly { id: string; name: string }[];
}

const key = (text: string) => fold(text).replace(/[^a-z0-9]/g, '');

/** Words to values: each Dutch label, and the value itself, in any case and spacing. */
function lookup<V extends string>(labels: Record<V, string>, extra: Record<string, V> = {}): Map<string, V> {
  const entries = Object.entries(labels) as [V, string][];
  return new Map([
    ...entries.flatMap(([value, label]) => [[key(label), value] as const, [key(value), value] as const]),
    ...Object.entries(extra).map(([word, value]) => [key(word), value] as const),
  ]);
}

const TRACKS = lookup(TRACK_LABELS, {
  secundair: 'secondary',
  volwassenenonderwijs: 'adult',
  cvo: 'adult',
  duaal: 'dual',
});
const PROGRAMMES = lookup(PROGRAMME_LABELS, {
  '7de leerjaar': 'seventh_year',
  '7': 'seventh_year',
  '3de graad': 'third_grade',
  '3de graad dubbele finaliteit': 'third_grade',
});
const PROVINCES = lookup(PROVINCE_LABELS, { brussel: 'brussel', bruxelles: 'brussel' });
const FORMS = lookup(FORM_LABELS);
const TRANSPORTS = lookup(TRANSPORT_LABELS, {
  ov: 'public_transport',
  trein: 'public_transport',
  bus: 'public_transport',
});
const WEEKDAYS = lookup(WEEKDAY_LABELS, {
  ma: 'monday',
  di: 'tuesday',
  wo: 'wednesday',
  do: 'thursday',
  vr: 'friday',
  za: 'saturday',
  zo: 'sunday',
});

const words = (text: string) =>
  text
    .split(/[,;/+]|\ben\b/)
    .map((w) => w.trim())
    .filter(Boolean);

/**
 * A date as a person types it in Belgium (05/10/2026, 5-10-2026), as ISO, or as a spreadsheet's
 * date cell reads (a date at midnight UTC); anything else is left as typed for the schema to refuse.
 */
export function readDate(text: string): string {
  const t = text.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  if (/^\d{4}-\d{2}-\d{2}/.test(t)) return t.slice(0, 10);
  const parsed = /[a-z]{3} \d{4}/i.test(t) ? new Date(t) : null;
  if (parsed && !Number.isNaN(parsed.getTime())) return parsed.toISOString().slice(0, 10);
  return t;
}

const readNumber = (text: string) => {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  return t === '' ? undefined : Number.isFinite(Number(t)) ? Number(t) : t;
};

/** The column a complaint belongs to, from its path in the student's input (`internship.form`). */
export function columnOf(path: readonly PropertyKey[]): string {
  const [first, second, third, fourth] = path.map(String);
  if (first === 'address')
    return (
      { street: 'Straat en nummer', postcode: 'Postcode', city: 'Gemeente' }[second!] ?? 'Straat en nummer'
    );
  if (first === 'internship') {
    if (second === 'periods') {
      const n = third === undefined ? 1 : Number(third) + 1;
      return `Periode ${n} ${fourth === 'end' ? 'einde' : 'start'}`;
    }
    return (
      {
        supervisorId: 'Stagebegeleider',
        form: 'Stagevorm',
        hoursPerWeek: 'Uren per week',
        totalHours: 'Totaal aantal uren',
        weekdays: 'Weekdagen',
        remarks: 'Opmerkingen stage',
      }[second!] ?? 'Stagevorm'
    );
  }
  return (
    {
      track: 'Opleidingsvorm',
      programme: 'Programma',
      firstName: 'Voornaam',
      lastName: 'Achternaam',
      nationalNumber: 'Rijksregisternummer',
      email: 'E-mail',
      phone: 'Telefoon',
      province: 'Provincie stage',
      transport: 'Vervoer',
      remarks: 'Opmerkingen',
      preferredServiceId: 'Voorkeursdienst',
    }[first!] ?? 'Voornaam'
  );
}

/**
 * Turns a sheet (its first row the titles) into students to enter and errors per row and column,
 * in Dutch. Each row goes through the same schema as the form (`StudentInput`), so the rules are
 * written once; this only turns words into the values the form would send. A row is either a
 * candidate or has errors, never both.
 */
export function readStudentRows(
  rows: string[][],
  context: StudentSheetContext,
): { candidates: StudentCandidate[]; errors: StudentImportError[] } {
  const [header = [], ...body] = rows;
  const index = new Map(header.map((h, i) => [key(h), i]));
  const missing = STUDENT_IMPORT_COLUMNS.filter(
    (c) => !OPTIONAL_STUDENT_IMPORT_COLUMNS.includes(c) && !index.has(key(c)),
  );
  if (missing.length > 0) {
    return {
      candidates: [],
      errors: missing.map((field) => ({
        row: 1,
        field,
        message: `De kolom "${field}" ontbreekt in de eerste rij.`,
      })),
    };
  }
  const filled = body.map((r, i) => ({ r, row: i + 2 })).filter(({ r }) => r.some((c) => c.trim() !== ''));
  if (filled.length > MAX_STUDENT_IMPORT_ROWS) {
    return {
      candidates: [],
      errors: [
        {
          row: 1,
          field: 'Voornaam',
          message: `Het bestand telt ${filled.length} leerlingen; importeer er hoogstens ${MAX_STUDENT_IMPORT_ROWS} per keer (verdeel het bestand).`,
        },
      ],
    };
  }
  const cell = (r: string[], column: string) => (r[index.get(key(column)) ?? -1] ?? '').trim();
  const supervisorsByWord = new Map(
    context.supervisors.flatMap((s) => [[key(s.name), s.id] as const, [key(s.email), s.id] as const]),
  );
  const servicesByWord = new Map(context.services.map((s) => [key(s.name), s.id] as const));
  const candidates: StudentCandidate[] = [];
  const errors: StudentImportError[] = [];
  const seen = new Map<string, number>();

  for (const { r, row } of filled) {
    const rowErrors: StudentImportError[] = [];
    const fail = (field: string, message: string) => rowErrors.push({ row, field, message });
    const known = <V>(column: string, map: Map<string, V>, unknown: string): V | undefined => {
      const text = cell(r, column);
      if (!text) return undefined;
      const value = map.get(key(text));
      if (value === undefined) fail(column, `${unknown} "${text}".`);
      return value;
    };

    const track =
      known('Opleidingsvorm', TRACKS, 'Onbekende opleidingsvorm') ??
      (context.tracks.length === 1 ? context.tracks[0] : undefined);
    if (track && !context.tracks.includes(track))
      fail('Opleidingsvorm', 'Je school biedt deze opleidingsvorm niet aan.');
    const postcode = cell(r, 'Postcode');
    const province =
      known('Provincie stage', PROVINCES, 'Onbekende provincie') ?? provinceOfPostcode(postcode) ?? undefined;
    const transportWords = words(cell(r, 'Vervoer'));
    const transport = transportWords.map((w) => TRANSPORTS.get(key(w)));
    const unknownTransport = transportWords.find((_, i) => !transport[i]);
    if (unknownTransport) fail('Vervoer', `Onbekend vervoersmiddel "${unknownTransport}".`);
    const weekdayWords = words(cell(r, 'Weekdagen'));
    const weekdays = weekdayWords.map((w) => WEEKDAYS.get(key(w)));
    const unknownDay = weekdayWords.find((_, i) => !weekdays[i]);
    if (unknownDay) fail('Weekdagen', `Onbekende weekdag "${unknownDay}".`);
    const supervisorText = cell(r, 'Stagebegeleider');
    const supervisorId = supervisorsByWord.get(key(supervisorText));
    if (supervisorText && !supervisorId)
      fail(
        'Stagebegeleider',
        `"${supervisorText}" is geen stagebegeleider van je school: voeg die eerst toe, of schrijf de naam zoals in de lijst.`,
      );
    const serviceText = cell(r, 'Voorkeursdienst');
    const preferredServiceId = serviceText
      ? servicesByWord.get(key(serviceText.replace(/\s*\(.*\)$/, '')))
      : undefined;
    if (serviceText && !preferredServiceId)
      fail('Voorkeursdienst', `Geen dienst gevonden met de naam "${serviceText}".`);

    const periods = [];
    for (let n = 1; n <= MAX_PERIODS; n++) {
      const start = cell(r, `Periode ${n} start`);
      const end = cell(r, `Periode ${n} einde`);
      if (n === 1 || start || end) periods.push({ start: readDate(start), end: readDate(end) });
    }
    const raw = {
      track: track ?? cell(r, 'Opleidingsvorm'),
      programme:
        track === 'secondary'
          ? (known('Programma', PROGRAMMES, 'Onbekend programma') ?? undefined)
          : cell(r, 'Programma') || undefined,
      firstName: cell(r, 'Voornaam'),
      lastName: cell(r, 'Achternaam'),
      nationalNumber: cell(r, 'Rijksregisternummer'),
      email: cell(r, 'E-mail'),
      phone: cell(r, 'Telefoon'),
      address: { street: cell(r, 'Straat en nummer'), postcode, city: cell(r, 'Gemeente') },
      province,
      transport: transport.filter(Boolean),
      remarks: cell(r, 'Opmerkingen'),
      internship: {
        supervisorId: supervisorId ?? '',
        form: known('Stagevorm', FORMS, 'Onbekende stagevorm') ?? cell(r, 'Stagevorm'),
        hoursPerWeek: readNumber(cell(r, 'Uren per week')),
        totalHours: readNumber(cell(r, 'Totaal aantal uren')),
        periods,
        weekdays: weekdays.length > 0 ? weekdays.filter(Boolean) : undefined,
        remarks: cell(r, 'Opmerkingen stage'),
      },
      preferredServiceId,
    };
    const parsed = StudentInput.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = columnOf(issue.path);
        // A column already reported in words above (an unknown supervisor) needs no second message.
        if (!rowErrors.some((e) => e.field === field)) fail(field, issue.message);
      }
    }
    const number = normaliseNationalNumber(cell(r, 'Rijksregisternummer'));
    const earlier = seen.get(number);
    if (number && earlier !== undefined)
      fail('Rijksregisternummer', `Dit rijksregisternummer staat al op rij ${earlier}.`);
    else if (number) seen.set(number, row);

    if (rowErrors.length > 0 || !parsed.success) errors.push(...rowErrors);
    else candidates.push({ row, input: parsed.data });
  }
  return { candidates, errors };
}
