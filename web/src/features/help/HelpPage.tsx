import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth/AuthContext';
import { dayAndMonth, longDate } from '../../ui/format';
import { blackoutNames } from '../students/ShownNotice';

/** Questions the manuals answer most, in the product's own words. */
const FAQ: { q: string; a: string }[] = [
  {
    q: 'Wie mag een leerling aanvaarden?',
    a: 'De eerste dienst die een leerling aanvaardt, krijgt de leerling. Een aanvaarding is definitief: de leerling verdwijnt meteen uit de lijsten van de andere diensten, en de school ziet de dienst, de aanvaarde periode en de mentor.',
  },
  {
    q: 'Welke leerlingen ziet een dienst?',
    a: 'Dat hangt af van de ronde. In de ronde "voorkeursdienst" ziet een dienst enkel de leerlingen van haar provincie die haar als voorkeur kozen; daarna ziet elke dienst alle leerlingen zonder stageplaats. Persoonsgegevens zijn pas zichtbaar na aanvaarding.',
  },
  {
    q: 'Kan ik een leerling nog wijzigen?',
    a: 'Zolang geen dienst de leerling aanvaardde en de leerling niet gestopt is. Per vergissing op "gestopt" gezet? Kies op de pagina van de leerling "Toch niet gestopt".',
  },
  {
    q: 'Mijn activatielink of herstellink werkt niet meer.',
    a: 'Een activatielink werkt één keer en 7 dagen lang, een link om je wachtwoord te herstellen één keer en 1 uur lang. Vraag op de aanmeldpagina een nieuwe aan.',
  },
  {
    q: 'Mijn account is geblokkeerd.',
    a: 'Na 5 mislukte pogingen na elkaar is je account 15 minuten geblokkeerd. Wacht even, of vraag een nieuw wachtwoord aan.',
  },
  {
    q: 'Welke browser gebruik ik?',
    a: 'Een recente versie van Chrome, Edge, Firefox of Safari. Internet Explorer werkt niet.',
  },
];

/** The helpline as the deployment sets it; its hours in words, its address and number as links. */
function Helpline() {
  const helpline = useQuery({
    queryKey: ['help'],
    queryFn: ({ signal }) => api('GET /api/help', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (!helpline.data) {
    return <p>De hulplijn van de sector helpt je per mail of telefonisch.</p>;
  }
  const { email, phone, hours } = helpline.data;
  return (
    <dl className="helpline">
      <dt>E-mail</dt>
      <dd>
        <a href={`mailto:${email}`}>{email}</a>
      </dd>
      <dt>Telefoon</dt>
      <dd>
        <a href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</a>
      </dd>
      <dt>Bereikbaar</dt>
      <dd>{hours}</dd>
    </dl>
  );
}

/** Help: the helpline, the timing of the school year, and the manuals' frequent questions. */
export function HelpPage() {
  const { me } = useAuth();
  const blackout = me?.schoolYear.blackout;
  return (
    <section className="narrow">
      <h1>Hulp en veelgestelde vragen</h1>
      <h2>Hulplijn</h2>
      <Helpline />
      <h2>Het schooljaar</h2>
      {blackout ? (
        <p>
          Schooljaar {me.schoolYear.id}. Voer tussen {dayAndMonth(blackout.from)} en{' '}
          {dayAndMonth(blackout.to)} liefst geen leerlingen van {blackoutNames(blackout.programmes)} in:
          leerlingen van die opleiding die dan ingevoerd worden, zijn pas vanaf{' '}
          {longDate(blackout.visibleFrom)} zichtbaar voor de diensten; voor de andere opleidingen geldt de
          zomerstop niet. Een cursist volwassenenonderwijs hoort bij het venster waarin de eerste stageperiode
          begint, of anders bij het eerstvolgende venster; de pagina van de leerling zegt wanneer de diensten
          de aanvraag zien. De rondes (voorkeursdienst, daarna alle leerlingen) openen en sluiten op de data
          die de sector vastlegt; de beheerder zet ze open.
        </p>
      ) : (
        <p>
          De rondes openen en sluiten op de data die de sector elk schooljaar vastlegt.{' '}
          <Link to="/aanmelden">Meld je aan</Link> om de data van dit schooljaar te zien.
        </p>
      )}
      <h2>Afstand in de lijst van de diensten</h2>
      <p>
        Bij elke leerling staat de afstand van de dienst tot de woonplaats van de leerling, bv. "ca. 12 km":
        in vogelvlucht, van het middelpunt van de postcode van de dienst tot dat van de leerling, afgerond op
        de kilometer. Sorteer op "Dichtstbij eerst" of toon enkel de leerlingen binnen 10, 25 of 50 km.
        Postcodegegevens: GeoNames (<a href="https://www.geonames.org/">www.geonames.org</a>), onder de
        licentie <a href="https://creativecommons.org/licenses/by/4.0/deed.nl">CC BY 4.0</a>.
      </p>
      <h2>Veelgestelde vragen</h2>
      {FAQ.map((item) => (
        <details key={item.q} className="faq">
          <summary>{item.q}</summary>
          <p>{item.a}</p>
        </details>
      ))}
    </section>
  );
}
