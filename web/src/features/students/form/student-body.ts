import type { ApiInput } from '#contract/api';
import { field } from '../../../ui/useSubmit';
import type { StudentDraft } from './useStudentDraft';

type StudentBody = ApiInput<'POST /api/students'>['body'];

const numberOrUndefined = (text: string) => (text.trim() === '' ? undefined : Number(text.replace(',', '.')));

/**
 * The request as the API takes it, from the form's inputs and its controlled fields. The API
 * checks every value again and answers with field errors, so the values go as they were typed.
 */
export function studentBody(data: FormData, draft: StudentDraft): StudentBody {
  const body = {
    track: draft.track,
    // Secondary students follow one of two programmes, each with its own rounds.
    programme: draft.track === 'secondary' ? field(data, 'programme') || undefined : undefined,
    firstName: field(data, 'firstName'),
    lastName: field(data, 'lastName'),
    nationalNumber: field(data, 'nationalNumber'),
    email: field(data, 'email'),
    phone: field(data, 'phone'),
    address: { street: field(data, 'street'), postcode: field(data, 'postcode'), city: field(data, 'city') },
    province: draft.province,
    transport: data.getAll('transport').map(String),
    remarks: field(data, 'remarks'),
    internship: {
      supervisorId: draft.supervisorId,
      form: draft.form,
      hoursPerWeek: numberOrUndefined(field(data, 'hoursPerWeek')),
      totalHours: numberOrUndefined(field(data, 'totalHours')),
      periods: draft.periods.map(({ start, end }) => ({ start, end })),
      weekdays: draft.track === 'dual' ? data.getAll('weekdays').map(String) : undefined,
      remarks: field(data, 'internshipRemarks'),
    },
    preferredServiceId: draft.preferredServiceId || undefined,
  };
  // Typed free text (an empty track, a weekday) is the API's to refuse, with a message per field.
  return body as StudentBody;
}
