import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Formats } from '../core/format.js';
import { skeletonText } from '../core/states.js';
import type { Day } from './dates.js';
import { timeText, type Occurrence, type Placed } from './occurrences.js';
import { cancelledText } from './strings.js';

/** What the lists need from the calendar around them. */
export interface ListContext {
  format: Formats;
  today: Day;
  openEvent(occurrence: Occurrence): void;
}

/**
 * Events grouped under their days: the list (days without events left out) and the week's
 * agenda (every day, an empty one saying so). An event of several days is under each of them.
 */
export function dayList(
  days: Day[],
  byDay: Map<Day, Placed[]>,
  context: ListContext,
  { showEmptyDays }: { showEmptyDays: boolean },
): TemplateResult {
  return html`<div part="list" class="agenda">
    ${days.map((day) => {
      const placed = byDay.get(day) ?? [];
      if (placed.length === 0 && !showEmptyDays) return nothing;
      return dayGroup(
        day,
        context,
        placed.length > 0 ? eventList(placed, context) : html`<p class="no-events">${msg('Keine Termine')}</p>`,
      );
    })}
  </div>`;
}

/** A list's layout with placeholders: a few days with a few events each. */
export function dayListSkeleton(days: Day[], context: ListContext): TemplateResult {
  return html`<div part="list" class="agenda">
    ${days.map((day) =>
      dayGroup(
        day,
        context,
        html`<ul class="events">
          ${[0, 1].map(() => html`<li class="item"><span class="time">${skeletonText('5rem')}</span><span>${skeletonText('70%')}</span></li>`)}
        </ul>`,
      ),
    )}
  </div>`;
}

function dayGroup(day: Day, { format, today }: ListContext, content: unknown): TemplateResult {
  const isToday = day === today;
  return html`<div part="day${isToday ? ' today' : ''}" class="agenda-day">
    <h3 part="day-heading" class="day-heading" aria-current=${isToday ? 'date' : nothing}>
      ${format.calendarDate(day, { weekday: 'long', day: 'numeric', month: 'long' })}
      ${isToday ? html`<span class="badge">${msg('Heute')}</span>` : nothing}
    </h3>
    ${content}
  </div>`;
}

/** One day's events, each opening its details; also the content of a day's dialog. */
export function eventList(placed: Placed[], context: ListContext): TemplateResult {
  return html`<ul class="events">
    ${placed.map((item) => {
      const { occurrence } = item;
      const where = [occurrence.location?.name, occurrence.organizer.name].filter(Boolean).join(' · ');
      return html`<li class="item${occurrence.status === 'cancelled' ? ' cancelled' : ''}">
        <span class="time">${timeText(item, context.format)}</span>
        <span class="what">
          <button type="button" part="event" class="event-button" @click=${() => context.openEvent(occurrence)}>
            ${occurrence.title}${occurrence.status === 'cancelled' ? html` <span class="badge">${cancelledText()}</span>` : nothing}
          </button>
          <span class="where">${where}</span>
        </span>
      </li>`;
    })}
  </ul>`;
}
