import type { Round } from '#contract/school-year';
import { type BlackoutDates, blackoutOf } from '#school-year/calendar';
import { programmeOf, shownAt } from '#school-year/rules';
import { type StoredStudent, selectingStart } from './rules';

/**
 * When the school's request goes out, as the school's screens say it: the round (or adult window)
 * that first shows the student to services and from when, and whether the summer blackout held
 * the student back (`applied`) or, entered in it, left them alone because it names another
 * programme (`exempt`).
 */
export function shownOf(
  student: StoredStudent,
  calendar: { rounds: readonly Round[]; blackout: BlackoutDates },
) {
  const shown = shownAt(calendar.rounds, {
    track: student.track,
    ...(student.programme ? { programme: student.programme } : {}),
    ...(student.preferredServiceId ? { preferredServiceId: student.preferredServiceId } : {}),
    ...(student.track === 'adult' ? { windowDate: selectingStart(student) } : {}),
    visibleFrom: new Date(student.visibleFrom),
  });
  const blackout = blackoutOf(calendar);
  const registered = new Date(student.registeredAt);
  const enteredDuring = registered >= blackout.from && registered < blackout.to;
  const programme = programmeOf(student);
  return {
    shownFrom: shown.from?.toISOString() ?? null,
    shownIn: shown.round?.id ?? null,
    shownInName: shown.round?.name ?? null,
    blackoutRule: !enteredDuring
      ? null
      : programme && blackout.programmes.includes(programme)
        ? ('applied' as const)
        : ('exempt' as const),
  };
}
