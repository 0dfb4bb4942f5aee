import { DECISION_STATUSES as ALL_DECISION_STATUSES, type DecisionStatus } from '#contract/decisions';
import type { PersonStatus, Track } from '#contract/organisations';
import type { StudentStatus } from '#contract/students';

/**
 * Dutch words in export files. Keyed by the contract's enums, so a new value (the dual
 * workflow's statuses) fails the type check until it has its word here.
 */
export const TRACK_LABELS: Record<Track, string> = {
  secondary: 'Secundair onderwijs',
  adult: 'Volwassenenonderwijs',
  dual: 'Duaal leren',
};

export const STUDENT_STATUS_LABELS: Record<StudentStatus, string> = {
  open: 'Nog geen plaats',
  accepted: 'Aanvaard',
  stopped: 'Gestopt',
};

export const DECISION_LABELS: Record<DecisionStatus, string> = {
  undecided: 'Nog niet beslist',
  invited: 'Uitgenodigd',
  not_invited: 'Niet uitgenodigd',
  not_accepted: 'Niet aanvaard',
  accepted: 'Aanvaard',
  no_show: 'Niet opgedaagd/gestopt',
};

/** The statuses a service can choose (both workflows), in the contract's order: one count column each. */
export const DECISION_STATUSES: readonly DecisionStatus[] = ALL_DECISION_STATUSES;

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

export const TYPE_LABELS: Record<string, string> = { admin: 'Sector', school: 'School', service: 'Dienst' };
export const SECTOR_LABELS: Record<string, string> = {
  social_profit: 'Social profit',
  local_government: 'Lokaal bestuur',
};
export const PERSON_STATUS_LABELS: Record<PersonStatus, string> = {
  invited: 'Uitgenodigd',
  active: 'Actief',
  deactivated: 'Gedeactiveerd',
};
