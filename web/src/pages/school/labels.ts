export const TRACK_LABELS: Record<string, string> = {
  secondary: 'Secundair onderwijs',
  adult: 'Volwassenenonderwijs',
  dual: 'Duaal leren',
};
export const FORM_LABELS: Record<string, string> = {
  block: 'Blok',
  alternating: 'Alternerend',
  block_and_alternating: 'Blok en alternerend',
};
export const TRANSPORT_LABELS: Record<string, string> = {
  car: 'Auto',
  ebike: 'Elektrische fiets/bromfiets',
  bike: 'Fiets',
  public_transport: 'Openbaar vervoer',
};
export const WEEKDAY_LABELS: Record<string, string> = {
  monday: 'maandag',
  tuesday: 'dinsdag',
  wednesday: 'woensdag',
  thursday: 'donderdag',
  friday: 'vrijdag',
  saturday: 'zaterdag',
  sunday: 'zondag',
};
export const STATUS_LABELS: Record<string, string> = {
  open: 'Nog geen plaats',
  accepted: 'Aanvaard',
  stopped: 'Gestopt',
};

const dateFormat = new Intl.DateTimeFormat('nl-BE', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Brussels',
});
const shortDate = new Intl.DateTimeFormat('nl-BE', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});

export const longDate = (iso: string) => dateFormat.format(new Date(iso));
/** A calendar date (`2026-10-05`) as `05/10/2026`. */
export const day = (isoDate: string) => shortDate.format(new Date(`${isoDate}T00:00:00Z`));
export const period = (p: { start: string; end: string }) => `${day(p.start)} – ${day(p.end)}`;

export interface Supervisor {
  id: string;
  name: string;
  phone: string;
  email: string;
  studentCount: number;
}

export interface StudentItem {
  id: string;
  track: string;
  firstName: string;
  lastName: string;
  nationalNumber: string;
  address: { street: string; postcode: string; city: string };
  province: string;
  status: 'open' | 'accepted' | 'stopped';
  registeredAt: string;
  visibleFrom: string;
  hiddenUntilBlackoutEnds: boolean;
  supervisorName: string | null;
  periods: { start: string; end: string }[];
  placement: null | {
    serviceName: string;
    contact: { name: string; phone: string; email: string };
    periods: { start: string; end: string }[];
    notes: string;
  };
}

export interface StudentDetail extends StudentItem {
  email: string;
  phone: string;
  remarks: string;
  transport: string[];
  internship: {
    supervisorId: string;
    form: string;
    hoursPerWeek?: number;
    totalHours: number;
    periods: { start: string; end: string }[];
    weekdays?: string[];
    remarks: string;
  };
  preferredServiceId: string | null;
  editable: boolean;
}
