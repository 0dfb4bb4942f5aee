/** Texts used across pages; the UI speaks Dutch (nl-BE). Page-specific texts live with their page. */
export const t = {
  appName: 'Stagematching gezinszorg',
  appTagline: 'Centraal aanmeldsysteem voor stageplaatsen en werkplekken in de gezinszorg',
  skipToContent: 'Naar de inhoud',
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
    account: 'Mijn account',
    logout: 'Afmelden',
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
  footer: 'Een initiatief van de sector gezinszorg. Postcodegegevens: GeoNames (CC BY 4.0).',
} as const;

export const ROLE_LABELS = {
  admin: 'Beheerder (sector)',
  school: 'School',
  service: 'Dienst gezinszorg',
} as const;
