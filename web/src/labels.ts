import type { AdminStudentStatus } from '#contract/admin';
import type { AuditAction } from '#contract/audit';
import type { ExportFormat } from '#contract/exports';
import type { ImportKind, ImportRowOutcome } from '#contract/import-columns';
import { DECISION_LABELS, PROGRAMME_LABELS, WEEKDAY_LABELS } from '#contract/labels';
import type { OrganisationType } from '#contract/organisations';
import type { Phase } from '#contract/phases';
import { PROVINCE_LABELS, PROVINCES } from '#contract/provinces';

import type { RegistrationStatus } from '#contract/registrations';
import type { DecisionStatus } from '#contract/requests';
import type { Role } from '#contract/roles';
import type { RoundKind, RoundState } from '#contract/school-year';
import type { TakeoverStatus } from '#contract/takeovers';
import type { EvaluationKind, HourContext, Verdict } from '#contract/trajectory';

// The words for the contract's values are the contract's own: the export files use them too.
export * from '#contract/labels';

/**
 * Every text the UI shows for a value of the API, and the texts shared by all pages, in Dutch
 * (nl-BE). Page-specific texts live with their page. The keys are the contract's values, so a new
 * value in shared/contract fails the typecheck here until it has a label.
 */
export const t = {
  appName: 'Stagematching gezinszorg',
  appTagline: 'Centraal aanmeldsysteem voor stageplaatsen en werkplekken in de gezinszorg',
  skipToContent: 'Naar de inhoud',
  loading: 'Laden…',
  busy: 'Bezig…',
  retry: 'Opnieuw proberen',
  loadFailed: 'De gegevens konden niet geladen worden.',
  listFailed: 'De lijst kon niet geladen worden.',
  offline: 'Geen verbinding met de server. Probeer het opnieuw.',
  nav: {
    label: 'Hoofdmenu',
    home: 'Start',
    login: 'Aanmelden',
    students: 'Leerlingen',
    supervisors: 'Stagebegeleiders',
    requests: 'Stagevragen',
    contacts: 'Contactpersonen',
    organisations: 'Organisaties',
    rounds: 'Rondes',
    calendar: 'Kalender',
    schoolYears: 'Schooljaren',
    registrations: 'Registraties',
    takeovers: 'Overnames',
    dualReport: 'Duaal rapport',
    overview: 'Overzicht',
    allStudents: 'Leerlingen',
    notices: 'Meldingen',
    imports: 'Importeren',
    audit: 'Auditlog',
    mailing: 'Mailing',
    mailFailures: 'Mislukte mails',
    register: 'Registreer je dienst',
    organisation: 'Organisatie',
    account: 'Mijn account',
    logout: 'Afmelden',
    schoolYearGroup: 'Schooljaar',
    manageGroup: 'Beheer',
    menu: 'Menu',
  },
  home: {
    title: 'Welkom',
    intro:
      'Scholen melden hier hun leerlingen aan voor een stage of werkplek. Diensten voor gezinszorg kiezen de leerlingen die ze kunnen begeleiden. De sector volgt alles op één plek.',
    statusTitle: 'Systeemstatus',
    checking: 'Verbinding controleren…',
    healthy: 'Het systeem werkt normaal.',
    unhealthy: 'Het systeem is op dit moment niet bereikbaar. Probeer het over enkele minuten opnieuw.',
    retry: 'Opnieuw controleren',
  },
  notFound: {
    title: 'Pagina niet gevonden',
    body: 'Deze pagina bestaat niet (meer).',
    back: 'Terug naar de start',
  },
  account: {
    changePassword: 'Wachtwoord wijzigen',
    currentPassword: 'Huidig wachtwoord',
    newPassword: 'Nieuw wachtwoord',
    repeatPassword: 'Herhaal het nieuwe wachtwoord',
    savePassword: 'Wachtwoord wijzigen',
    passwordChanged: 'Je wachtwoord is gewijzigd. Op je andere toestellen ben je afgemeld.',
  },
  help: 'Hulp en veelgestelde vragen',
  exports: {
    button: 'Exporteer',
    formats: 'Kies het formaat van de export',
    starting: 'Bezig…',
    busy: (percent: number) => `Bezig… ${percent}\u00a0%`,
    ready: (rows: number) => `Klaar: ${rows} ${rows === 1 ? 'rij' : 'rijen'} geëxporteerd.`,
    downloadAgain: 'Opnieuw downloaden',
    failed: 'De export is niet gelukt. Probeer het opnieuw.',
  },
  footer: 'Een initiatief van de sector gezinszorg. Postcodegegevens: GeoNames (CC BY 4.0).',
} as const;

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Beheerder (sector)',
  school: 'School',
  service: 'Dienst gezinszorg',
};

export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, string> = {
  admin: 'Sector',
  school: 'School',
  service: 'Dienst',
};

/** The two file formats of an export (shared/exports writes them). */
export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  csv: 'CSV (Excel)',
  xlsx: 'XLSX',
};

/** The counter bar of the dual list: "3 uitgenodigd · 1 niet opgedaagd". */
export const DECISION_COUNT_LABELS: Record<DecisionStatus, string> = {
  undecided: 'nog niet beslist',
  invited: 'uitgenodigd',
  not_invited: 'niet uitgenodigd',
  not_accepted: 'niet aanvaard',
  accepted: 'aanvaard',
  no_show: 'niet opgedaagd',
};

/** What services see of a track, as the admin sets it. */
export const PHASE_LABELS: Record<Phase, string> = {
  closed: 'Gesloten',
  preferred: 'Ronde voorkeursdienst',
  all: 'Alle leerlingen',
};

export const ROUND_KIND_LABELS: Record<RoundKind, string> = {
  preferred: 'Ronde voorkeursdienst',
  all: 'Alle leerlingen',
};

export const ROUND_STATE_LABELS: Record<RoundState, string> = {
  upcoming: 'Gepland',
  open: 'Open',
  lasting: 'Streefdatum voorbij — blijft open',
  closed: 'Afgelopen',
};

export { PROGRAMME_LABELS, PROVINCE_LABELS, WEEKDAY_LABELS };

export interface Option<V extends string = string> {
  value: V;
  label: string;
}

/** The choices of a dropdown or checkbox group, in the order the labels are written. */
export const optionsOf = <K extends string>(labels: Record<K, string>): Option<K>[] =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

export const provinceOptions: Option[] = PROVINCES.map((p) => ({ value: p, label: PROVINCE_LABELS[p] }));

export const HOUR_CONTEXT_LABELS: Record<HourContext, string> = {
  residential_elderly_care: 'Woonzorg (residentiële ouderenzorg)',
  hospital: 'Ziekenhuis',
  home_care: 'Thuiszorg',
  other: 'Andere setting',
};

export const EVALUATION_KIND_LABELS: Record<EvaluationKind, string> = {
  interim: 'Tussentijdse evaluatie',
  final: 'Eindevaluatie',
};

export const VERDICT_LABELS: Record<Verdict, string> = { positive: 'Positief', negative: 'Negatief' };

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  pending: 'Wacht op antwoord',
  approved: 'Goedgekeurd',
  rejected: 'Afgewezen',
};

export const TAKEOVER_STATUS_LABELS: Record<TakeoverStatus, string> = {
  pending: 'Wacht op antwoord',
  approved: 'Goedgekeurd',
  rejected: 'Afgewezen',
};

/** Where a student stands, as the sector sees it (hidden: entered in the summer blackout). */
export const ADMIN_STUDENT_STATUS_LABELS: Record<AdminStudentStatus, string> = {
  open: 'Nog geen plaats',
  accepted: 'Geplaatst',
  stopped: 'Gestopt',
  hidden: 'Nog verborgen (zomer)',
};

/**
 * The statuses services chose for a student, as counted on the student. Other branches add
 * statuses; a status without a label here is shown by its key rather than left out.
 */
export const STATUS_COUNT_LABELS: Record<string, string> = {
  ...DECISION_LABELS,
};
export const statusCountLabel = (status: string) =>
  STATUS_COUNT_LABELS[status] ?? status.replace(/[_-]+/g, ' ');

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  reveal: 'Persoonsgegevens getoond',
  export: 'Export',
  acceptance: 'Leerling aanvaard',
  'account.invite': 'Persoon uitgenodigd',
  'account.deactivate': 'Account gedeactiveerd',
  'account.email': 'E-mailadres verbeterd',
  'account.activate': 'Account geactiveerd',
  'account.password-reset': 'Wachtwoord hersteld',
  'organisation.create': 'Organisatie aangemaakt',
  'organisation.update': 'Organisatie gewijzigd',
  import: 'Import van organisaties',
  mailing: 'Mailing verstuurd',
  retention: 'Persoonsgegevens van het schooljaar gewist',
  release: 'Plaatsing vrijgegeven',
  'release.request': 'Dienst vroeg een plaatsing vrij te geven',
  'release.decline': 'Vraag om vrij te geven geweigerd',
  'notice.handled': 'Melding behandeld',
};

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  services: 'Diensten gezinszorg',
  schools: 'Scholen',
};

export const IMPORT_ROW_OUTCOME_LABELS: Record<ImportRowOutcome, string> = {
  created: 'Geïmporteerd',
  skipped: 'Bestond al',
  refused: 'Fout, niet geïmporteerd',
};
