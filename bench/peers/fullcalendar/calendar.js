// The peer as a site would ship it: FullCalendar 7 with the month grid and the list, German,
// the classic theme and its stylesheets. The bench bundles this file for production.
import { Calendar } from 'fullcalendar';
import dayGridPlugin from 'fullcalendar/daygrid';
import deLocale from 'fullcalendar/locales/de';
import listPlugin from 'fullcalendar/list';
import classicThemePlugin from 'fullcalendar/themes/classic';
import 'fullcalendar/skeleton.css';
import 'fullcalendar/themes/classic/theme.css';
import 'fullcalendar/themes/classic/palette.css';

/** A month grid of `events` around `date` in `element`, with "+N more" past three a day as in <sr-event-calendar>. */
export function createCalendar(element, events, date) {
  return new Calendar(element, {
    plugins: [dayGridPlugin, listPlugin, classicThemePlugin],
    locale: deLocale,
    timeZone: 'Europe/Berlin',
    initialView: 'dayGridMonth',
    initialDate: date,
    headerToolbar: { start: 'title', center: '', end: 'prev,today,next dayGridMonth,listMonth' },
    dayMaxEvents: 3,
    events,
  });
}
