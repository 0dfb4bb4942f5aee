import { defineHandler } from '#http/handler';
import { textBody } from '#http/responses';
import { appUrl } from '#platform/config';
import { currentSchoolYear } from '#school-year/calendar';
import { calendarFeed } from '#school-year/ical';
import { loadCalendar } from '#school-year/store';

/** Public: the round dates are public anyway, and calendar apps subscribe without logging in. */
export const handler = defineHandler('calendar-ics', async () => {
  const { rounds } = await loadCalendar();
  return textBody(
    calendarFeed(currentSchoolYear(), rounds, appUrl(), new Date()),
    'text/calendar; charset=utf-8',
    {
      'content-disposition': 'inline; filename="stagematching-rondes.ics"',
      'cache-control': 'public, max-age=300',
    },
  );
});
