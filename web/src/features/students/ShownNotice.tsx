import { BLACKOUT_PROGRAMME_LABELS } from '#contract/labels';
import type { BlackoutWindow } from '#contract/session';
import type { StudentDetail } from '#contract/students-responses';
import { instantDay } from '../../ui/format';

type Shown = Pick<
  StudentDetail,
  'shownFrom' | 'shownInName' | 'blackoutRule' | 'status' | 'track' | 'programme' | 'visibleFrom'
>;

/** The programmes a blackout names, in words: "7de leerjaar verzorgende/zorgkundige". */
export const blackoutNames = (programmes: BlackoutWindow['programmes']) =>
  programmes.map((p) => BLACKOUT_PROGRAMME_LABELS[p]).join(', ');

const blackoutSentence = (s: Shown) => {
  if (s.blackoutRule === 'applied')
    return ` Ingevoerd tijdens de zomerstop: die geldt voor deze leerling, dus de diensten zien de aanvraag pas vanaf ${instantDay(s.visibleFrom)}.`;
  if (s.blackoutRule === 'exempt')
    return ' Ingevoerd tijdens de zomerstop, maar die geldt niet voor deze opleiding: de leerling wacht daar niet op.';
  return '';
};

/**
 * When the request goes out, in the school's words: in which round (or adult-education window)
 * services first see the student and from which day, or that no round of the year will.
 */
export function ShownNotice({ student: s }: { student: Shown }) {
  if (s.status !== 'open') return null;
  const now = Date.now();
  if (!s.shownFrom) {
    return (
      <div className="alert alert-warn" role="status" data-testid="shown-notice">
        {s.shownInName
          ? `Het venster "${s.shownInName}" is al gesloten: geen dienst ziet deze leerling nog dit schooljaar.`
          : 'Er opent dit schooljaar geen venster meer: geen dienst ziet deze leerling dit schooljaar.'}{' '}
        Kijk de startdatum van de eerste periode na, of neem contact op met de sector.
      </div>
    );
  }
  const when = new Date(s.shownFrom).getTime() > now ? 'vanaf' : 'sinds';
  return (
    <div className="alert alert-info" role="status" data-testid="shown-notice">
      De diensten zien deze aanvraag {when} {instantDay(s.shownFrom)}
      {s.shownInName ? `, in "${s.shownInName}"` : ''}.{blackoutSentence(s)}
    </div>
  );
}
