import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Formats } from '../core/format.js';
import { skeletonText } from '../core/states.js';
import { addDays, addMonths, daysFrom, startOfWeek, type Day } from './dates.js';
import { isBar, type Occurrence, type Placed } from './occurrences.js';
import { cancelledText } from './strings.js';

/** What the grid needs from the calendar around it. */
export interface GridContext {
  format: Formats;
  today: Day;
  /** The focused day: the one cell in the tab order (roving tabindex). */
  anchor: Day;
  /** The occurrences by day; `undefined` while loading (a grid without events or focus). */
  days: Map<Day, Placed[]> | undefined;
  /** Moves the focus to a day, from a key or a click. */
  focusDay(day: Day): void;
  openDay(day: Day): void;
  openEvent(occurrence: Occurrence): void;
}

/** Lines of events a day cell has room for; beyond, the last line says "+N weitere". */
const lines = 3;

/**
 * Where a key moves the focus (ARIA grid and date picker patterns): arrows by day and week,
 * Home/End to the ends of the week, PageUp/PageDown by month, with Shift by year.
 * `undefined` for keys the grid leaves alone.
 */
export function moveByKey(day: Day, { key, shiftKey }: Pick<KeyboardEvent, 'key' | 'shiftKey'>): Day | undefined {
  const byDays: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
  if (key in byDays) return addDays(day, byDays[key]!);
  if (key === 'Home') return startOfWeek(day);
  if (key === 'End') return addDays(startOfWeek(day), 6);
  if (key === 'PageUp' || key === 'PageDown') return addMonths(day, (key === 'PageUp' ? -1 : 1) * (shiftKey ? 12 : 1));
  return undefined;
}

/**
 * The month as a table with the ARIA grid role: one row per week, Monday first. Only the
 * focused day is in the tab order; arrows move between days, Enter or Space opens a day.
 * Events show as lines in their days (bars for all-day and multi-day events); they open by
 * click, and by keyboard from the day's list.
 */
export function monthGrid(from: Day, to: Day, context: GridContext): TemplateResult {
  const days = daysFrom(from, to);
  const weeks = days.filter((_, index) => index % 7 === 0).map((_, week) => days.slice(week * 7, week * 7 + 7));
  const month = context.anchor.slice(0, 7);
  const { format } = context;
  const interactive = context.days !== undefined;
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      context.openDay(context.anchor);
      return;
    }
    const day = moveByKey(context.anchor, event);
    if (day === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    context.focusDay(day);
  };
  return html`<table part="grid" class="grid" role="grid" aria-labelledby="period" @keydown=${interactive ? onKeydown : nothing}>
    <thead>
      <tr>
        ${weeks[0]!.map(
          (day) => html`<th scope="col" abbr=${format.calendarDate(day, { weekday: 'long' })}>
            ${format.calendarDate(day, { weekday: 'short' })}
          </th>`,
        )}
      </tr>
    </thead>
    <tbody>
      ${weeks.map(
        (week) => html`<tr>
          ${week.map((day) => dayCell(day, day.startsWith(month), context))}
        </tr>`,
      )}
    </tbody>
  </table>`;
}

function dayCell(day: Day, inMonth: boolean, context: GridContext): TemplateResult {
  const placed = context.days?.get(day) ?? [];
  const shown = placed.length > lines ? placed.slice(0, lines - 1) : placed;
  const isToday = day === context.today;
  return html`<td
    part="day${isToday ? ' today' : ''}"
    class="day${inMonth ? '' : ' outside'}"
    data-day=${day}
    tabindex=${context.days ? (day === context.anchor ? 0 : -1) : nothing}
    aria-current=${isToday ? 'date' : nothing}
    @click=${
      context.days
        ? () => {
            context.focusDay(day);
            if (placed.length > 0) context.openDay(day);
          }
        : nothing
    }
  >
    <span class="number" aria-hidden="true">${Number(day.slice(8))}</span>
    <span class="visually-hidden">${context.format.calendarDate(day, { dateStyle: 'full' })}</span>
    ${context.days ? shown.map((item) => eventLine(item, inMonth ? day : undefined, context)) : skeletonText('80%')}
    ${placed.length > shown.length ? html`<span part="more" class="more">${msg(str`+${placed.length - shown.length} weitere`)}</span>` : nothing}
  </td>`;
}

/** One event in a day; `day` is given when clicking it should also focus the day (not for days of other months). */
function eventLine(placed: Placed, day: Day | undefined, context: GridContext): TemplateResult {
  const { occurrence, starts, ends } = placed;
  const cancelled = occurrence.status === 'cancelled';
  const classes = ['event', isBar(placed) ? 'bar' : '', starts ? '' : 'from-before', ends ? '' : 'to-after', cancelled ? 'cancelled' : ''];
  return html`<span
    part="event"
    class=${classes.filter(Boolean).join(' ')}
    @click=${(event: Event) => {
      // The event itself, not its day's list; its day gets the focus back when the dialog closes.
      event.stopPropagation();
      if (day) context.focusDay(day);
      context.openEvent(occurrence);
    }}
    >${cancelled ? html`<span class="visually-hidden">${cancelledText()}:</span> ` : nothing}${
      isBar(placed) ? nothing : html`<span class="time">${context.format.time(new Date(occurrence.start))} </span>`
    }${occurrence.title}</span
  >`;
}
