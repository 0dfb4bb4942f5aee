export type Status = 'undecided' | 'not_accepted' | 'accepted';

export interface RequestItem {
  id: string;
  firstName: string;
  lastName: string;
  school: { id: string; name: string };
  residence: { street: string; postcode: string; city: string; province: string };
  periods: { start: string; end: string }[];
  periodCount: number;
  transport: string[];
  form: string;
  hoursPerWeek: number | null;
  totalHours: number;
  supervisorName: string | null;
  registeredAt: string;
  status: Status;
  stopped: boolean;
}

export interface RequestDetail extends RequestItem {
  remarks: string;
  internshipRemarks: string;
  weekdays: string[];
  personal: null | {
    nationalNumber: string;
    email: string;
    phone: string;
    supervisor: { name: string; email: string; phone: string } | null;
  };
  placement: null | { periods: number[]; notes: string; contact: { name: string } };
}

export interface Contact {
  id: string;
  name: string;
}
