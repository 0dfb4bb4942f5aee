import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

/** The school year and its rounds with their state now; every role reads it. */
export const schoolYearQuery = queryOptions({
  queryKey: ['school-year'],
  queryFn: ({ signal }) => api('GET /api/school-year', { signal }),
  // The timeline's "today" and countdown move; a fresh read every minute keeps the states right.
  refetchInterval: 60_000,
});

/** The public iCalendar feed of the rounds ("Zet in je agenda"). */
export const CALENDAR_FEED = '/api/school-year/calendar.ics';
