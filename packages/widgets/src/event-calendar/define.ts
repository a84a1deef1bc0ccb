import { defineElement } from '../core/define.js';
import { SrEventCalendar } from './event-calendar.js';

defineElement('sr-event-calendar', SrEventCalendar);

export { SrEventCalendar };
