import { msg } from '@lit/localize';
import type { CalendarView } from './dates.js';

/*
 * Words more than one part of the calendar uses. Functions, not constants: `msg()` answers in
 * the language active when it is called.
 */

export const viewNames = (): Record<CalendarView, string> => ({ month: msg('Monat'), week: msg('Woche'), list: msg('Liste') });

export const cancelledText = () => msg('Abgesagt');
