import { appUrl } from '#platform/config';
import type { Mail } from '#platform/mailer';
import { layout } from '#school-year/mails';
import type { SchoolNews } from './news';

/** The school's mail about one event of one of its students, in Dutch. */

const day = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

const SUBJECTS: Record<SchoolNews['kind'], (n: SchoolNews) => string> = {
  accepted: (n) => `${n.studentName} heeft een stageplaats bij ${n.serviceName}`,
  invited: (n) => `${n.studentName} uitgenodigd voor een gesprek bij ${n.serviceName}`,
  outcome: (n) => `Uitkomst van het gesprek van ${n.studentName} bij ${n.serviceName}`,
  ended: (n) => `Stage van ${n.studentName} bij ${n.serviceName} beëindigd`,
};

function what(n: SchoolNews): string {
  if (n.kind === 'accepted') return `${n.serviceName} heeft ${n.studentName} aanvaard.`;
  if (n.kind === 'invited')
    return `${n.serviceName} nodigt ${n.studentName} uit voor een sollicitatiegesprek. De dienst neemt contact op met de school of de leerling.`;
  if (n.kind === 'outcome')
    return n.outcome === 'no_show'
      ? `${n.studentName} kwam niet opdagen voor het gesprek bij ${n.serviceName} (of is gestopt), zo noteerde de dienst.`
      : `${n.serviceName} neemt ${n.studentName} na het gesprek niet aan. De leerling blijft zichtbaar voor de andere diensten.`;
  return n.ended === 'released'
    ? `De sector heeft de plaatsing van ${n.studentName} bij ${n.serviceName} vrijgegeven: de leerling staat weer open voor de diensten.`
    : `${n.studentName} staat als gestopt: de stage bij ${n.serviceName} is beëindigd.`;
}

export function schoolNewsMail(to: { email: string; name: string }, n: SchoolNews): Mail {
  const mentor = n.mentor
    ? `Mentor: ${n.mentor.name}, ${n.mentor.phone}, ${n.mentor.email}.`
    : 'Mentor: nog niet gekozen.';
  const periods = n.periods.length
    ? `Periode${n.periods.length > 1 ? 's' : ''}: ${n.periods.map((p) => `${day(p.start)} – ${day(p.end)}`).join('; ')}.`
    : 'Periodes: geen.';
  return layout(
    to,
    SUBJECTS[n.kind](n),
    [what(n), `Leerling: ${n.studentName}. Dienst: ${n.serviceName}.`, mentor, periods],
    { label: 'Naar de leerling', url: `${appUrl()}/leerlingen/${n.studentId}` },
    ['Wil je deze mails niet meer ontvangen? Zet ze uit onder "Mijn account".'],
  );
}
