// The peer as a site would ship it: Schedule-X with the month grid and the list, German, the
// default theme. It expects Temporal as a global; browsers without it need the polyfill.
import 'temporal-polyfill/global';
import { createCalendar as createScheduleX, createViewList, createViewMonthGrid } from '@schedule-x/calendar';
import '@schedule-x/theme-default/dist/calendar.css';

/** A month grid of `events` (Temporal start and end) in `element`. */
export function createCalendar(element, events) {
  const calendar = createScheduleX({ locale: 'de-DE', views: [createViewMonthGrid(), createViewList()], events });
  calendar.render(element);
  return calendar;
}
