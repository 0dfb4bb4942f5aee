import type { BlackoutWindow } from '#contract/session';
import { dayAndMonth, longDate } from '../../../ui/format';
import { blackoutNames } from '../ShownNotice';

export const inBlackout = (blackout: BlackoutWindow, now = new Date()) =>
  now >= new Date(blackout.from) && now < new Date(blackout.to);

/**
 * The summer blackout, with the school year's own dates (from `/api/me`): students entered now
 * reach the services only later.
 */
export function BlackoutNotice({ blackout }: { blackout: BlackoutWindow }) {
  if (!inBlackout(blackout)) return null;
  return (
    <div className="alert alert-warn" role="status">
      Tussen {dayAndMonth(blackout.from)} en {dayAndMonth(blackout.to)} worden geen leerlingen van{' '}
      {blackoutNames(blackout.programmes)} ingevoerd. Voer je nu toch zo'n leerling in, dan zien de diensten
      die pas vanaf {longDate(blackout.visibleFrom)}. Voor de andere opleidingen geldt deze zomerstop niet.
    </div>
  );
}
