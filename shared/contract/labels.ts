import type { PersonStatus, SECTORS, Track } from './organisations';
import type { DecisionStatus } from './requests';
import type { InternshipForm, Programme, StudentStatus, Transport, Weekday } from './students';

/**
 * The Dutch words for the contract's values that both the web app and the export files show, so
 * a screen and a spreadsheet never name one thing two ways. Keyed by the values: a new value fails
 * the typecheck until it has its word here. (Type imports only: the browser bundle carries no zod.)
 */
export const TRACK_LABELS: Record<Track, string> = {
  secondary: 'Secundair onderwijs',
  adult: 'Volwassenenonderwijs (CVO)',
  dual: 'Duaal leren',
};

export const SECTOR_LABELS: Record<(typeof SECTORS)[number], string> = {
  social_profit: 'Social profit',
  local_government: 'Lokaal bestuur',
};

/** A login's state, on the admin's page of an organisation. */
export const PERSON_STATUS_LABELS: Record<PersonStatus, string> = {
  invited: 'Uitgenodigd',
  active: 'Actief',
  deactivated: 'Gedeactiveerd',
};

/** Where a student stands, as the school sees it. */
export const STUDENT_STATUS_LABELS: Record<StudentStatus, string> = {
  open: 'Nog geen plaats',
  accepted: 'Aanvaard',
  stopped: 'Gestopt',
};

/** A service's decision on a student. */
export const DECISION_LABELS: Record<DecisionStatus, string> = {
  undecided: 'Nog niet beslist',
  invited: 'Uitgenodigd',
  not_invited: 'Niet uitgenodigd',
  not_accepted: 'Niet aanvaard',
  accepted: 'Aanvaard',
  no_show: 'Niet opgedaagd/gestopt',
};

/** The secondary programmes with their own rounds. */
export const PROGRAMME_LABELS: Record<Programme, string> = {
  seventh_year: '7de leerjaar verzorgende/zorgkundige',
  third_grade: '3de graad dubbele finaliteit gezondheidszorg',
};

/** The programmes a summer blackout can name: the secondary programmes and the other tracks. */
export const BLACKOUT_PROGRAMME_LABELS: Record<Programme | Exclude<Track, 'secondary'>, string> = {
  ...PROGRAMME_LABELS,
  dual: 'duaal leren',
  adult: 'volwassenenonderwijs',
};

export const FORM_LABELS: Record<InternshipForm, string> = {
  block: 'Blok',
  alternating: 'Alternerend',
  block_and_alternating: 'Blok en alternerend',
};

export const TRANSPORT_LABELS: Record<Transport, string> = {
  car: 'Auto',
  moped: 'Bromfiets',
  ebike: 'Elektrische fiets',
  bike: 'Fiets',
  public_transport: 'Openbaar vervoer',
};

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  monday: 'maandag',
  tuesday: 'dinsdag',
  wednesday: 'woensdag',
  thursday: 'donderdag',
  friday: 'vrijdag',
  saturday: 'zaterdag',
  sunday: 'zondag',
};
