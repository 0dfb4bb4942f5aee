import type { SchoolYearStatus } from './school-year';

/** Rules and dates are Brussels wall-clock time; the web formats instants in the same zone. */
export { brusselsToInstant, TIME_ZONE } from '#kernel/time';

/**
 * The summer blackout of a school year as `/api/me` sends it: ISO instants. Schools should not
 * enter students between `from` and `to`; students entered then are visible from `visibleFrom`.
 */
export interface BlackoutWindow {
  from: string;
  to: string;
  visibleFrom: string;
}

export interface SchoolYearInfo {
  id: string;
  /** `archived`: everything can be read, nothing changed (every write answers 409). */
  status: SchoolYearStatus;
  blackout: BlackoutWindow;
}
