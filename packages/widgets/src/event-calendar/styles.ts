import { css } from 'lit';

export const calendarStyles = css`
  :host {
    /* The layout follows the space the page gives the calendar, not the window. */
    container-type: inline-size;
  }
  .toolbar,
  .controls,
  .actions,
  .subscribe {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-3);
    align-items: center;
  }
  .toolbar {
    justify-content: space-between;
    margin-block-end: var(--_space-3);
  }
  .period {
    margin: 0;
    font-size: 1.25em;
    line-height: 1.3;
  }
  /* Segmented: the buttons of a group touch, the group has round ends. */
  .nav,
  .views {
    display: flex;
  }
  .nav > .button,
  .views > .button {
    border-radius: 0;
  }
  .nav > .button + .button,
  .views > .button + .button {
    margin-inline-start: -1px;
  }
  .nav > :first-child,
  .views > :first-child {
    border-start-start-radius: var(--_radius);
    border-end-start-radius: var(--_radius);
  }
  .nav > :last-child,
  .views > :last-child {
    border-start-end-radius: var(--_radius);
    border-end-end-radius: var(--_radius);
  }
  .button.icon {
    min-inline-size: 2.75rem;
    padding-inline: var(--_space-2);
  }
  .views [aria-pressed='true'] {
    color: var(--_color-on-primary);
    background: var(--_color-primary);
  }
  .filters {
    margin-block-end: var(--_space-4);
  }
  summary {
    display: flex;
    gap: var(--_space-2);
    align-items: center;
    min-block-size: 2.75rem;
    font-weight: 600;
    color: var(--_color-primary);
    cursor: pointer;
  }
  /* A chevron: pointing down when closed, up when open. */
  summary::after {
    content: '';
    inline-size: 0.45em;
    block-size: 0.45em;
    border: solid currentColor;
    border-width: 0 2px 2px 0;
    transform: translateY(-25%) rotate(45deg);
  }
  [open] > summary::after {
    transform: translateY(25%) rotate(-135deg);
  }
  /* With room for them, the filters are simply there. */
  @container (min-width: 36rem) {
    summary {
      display: none;
    }
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 11rem), 1fr));
    gap: var(--_space-2) var(--_space-3);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_space-1);
    font-weight: 600;
  }
  .field input,
  .field select {
    min-block-size: 2.75rem;
    padding: var(--_space-2);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    font: inherit;
    color: inherit;
    background: var(--_color-surface);
  }

  /* Month grid */
  .grid {
    inline-size: 100%;
    table-layout: fixed;
    border-collapse: collapse;
  }
  th {
    padding: var(--_space-1);
    font-size: 0.875em;
    text-align: start;
    color: var(--_color-text-muted);
  }
  .day {
    /* Room for three events of two lines each: the skeleton has the same height (no layout shift). */
    block-size: var(--sr-calendar-day-height, 8.75em);
    padding: var(--_space-1);
    vertical-align: top;
    border: 1px solid var(--_color-divider);
    cursor: pointer;
  }
  .day:focus-visible {
    outline-offset: -3px;
  }
  .outside {
    color: var(--_color-text-muted);
    background: var(--_color-surface-raised);
  }
  .number {
    display: inline-grid;
    place-items: center;
    min-inline-size: 1.75em;
    block-size: 1.75em;
    border-radius: 1em;
    font-size: 0.875em;
    font-weight: 600;
  }
  [aria-current='date'] .number {
    color: var(--_color-on-primary);
    background: var(--_color-primary);
  }
  .event,
  .more {
    display: block;
    overflow: hidden;
    margin-block-start: 2px;
    padding-inline: var(--_space-1);
    font-size: 0.8125em;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  /* A day's own event wraps to two lines, so that a long German title stays recognisable. */
  .event:not(.bar) {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-height: 1.2;
    white-space: normal;
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  .event {
    border-radius: calc(var(--_radius) / 2);
    color: var(--_color-text);
    background: color-mix(in srgb, var(--_color-primary) 14%, var(--_color-surface));
  }
  .event.bar {
    color: var(--_color-on-primary);
    background: var(--_color-primary);
  }
  /* A bar over several days reaches across the borders between them. */
  .from-before {
    margin-inline-start: calc(-1 * var(--_space-1) - 1px);
    border-start-start-radius: 0;
    border-end-start-radius: 0;
  }
  .to-after {
    margin-inline-end: calc(-1 * var(--_space-1) - 1px);
    border-start-end-radius: 0;
    border-end-end-radius: 0;
  }
  .event.cancelled {
    text-decoration: line-through;
    color: var(--_color-text-muted);
    background: var(--_color-surface-raised);
  }
  .more {
    font-weight: 600;
    white-space: normal;
    color: var(--_color-primary);
  }
  .time {
    font-variant-numeric: tabular-nums;
  }

  /* Lists: the list, the week's agenda, a day's dialog */
  .agenda-day + .agenda-day {
    margin-block-start: var(--_space-5);
  }
  .day-heading {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: center;
    margin: 0 0 var(--_space-1);
    padding-block-end: var(--_space-1);
    border-block-end: 2px solid var(--_color-divider);
    font-size: 1em;
  }
  .badge {
    display: inline-block;
    padding-inline: var(--_space-2);
    border-radius: 1em;
    font-size: 0.8125rem;
    font-weight: 600;
    text-decoration: none;
    color: var(--_color-on-primary);
    background: var(--_color-primary);
  }
  .cancelled .badge,
  .badge.cancelled-note {
    background: var(--_color-danger);
  }
  .events {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .item {
    position: relative;
    display: grid;
    /* One width for every day, so the titles line up down the list. */
    grid-template-columns: 9rem 1fr;
    gap: 0 var(--_space-3);
    padding-block: var(--_space-2);
  }
  .item + .item {
    border-block-start: 1px solid var(--_color-divider);
  }
  .item .time,
  .where,
  .no-events,
  .example {
    color: var(--_color-text-muted);
  }
  .what {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    min-inline-size: 0;
  }
  .event-button {
    padding: 0;
    border: 0;
    font: inherit;
    font-weight: 600;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    color: var(--_color-primary);
    background: none;
    cursor: pointer;
  }
  /* The whole row opens the event. */
  .event-button::after {
    content: '';
    position: absolute;
    inset: 0;
  }
  .cancelled .event-button {
    color: var(--_color-text-muted);
  }
  .no-events {
    margin: 0;
    padding-block: var(--_space-2);
  }

  /* An event's dialog */
  .facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_space-2) var(--_space-4);
    margin: 0 0 var(--_space-4);
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  .description {
    margin: 0 0 var(--_space-4);
    white-space: pre-line;
  }
  .actions {
    margin: 0;
  }
  .subscribe {
    margin: var(--_space-4) 0 0;
  }
  .example {
    margin: var(--_space-4) 0 0;
    font-size: 0.875em;
  }

  @container (max-width: 48rem) {
    /* Days too narrow for time and title: the title, the time stays for screen readers. */
    .event .time {
      font-size: 0;
    }
  }
  @container (max-width: 36rem) {
    /* Too narrow for titles: the grid marks a day's events with lines; Enter or a tap lists them. */
    .day {
      block-size: 3.5em;
    }
    .event {
      block-size: 0.375rem;
      margin-block-start: 3px;
      font-size: 0;
      background: color-mix(in srgb, var(--_color-primary) 45%, var(--_color-surface));
    }
    .more {
      display: none;
    }
    .item {
      grid-template-columns: 1fr;
    }
  }
  @media (max-width: 30rem) {
    .facts {
      grid-template-columns: 1fr;
      gap: 0;
    }
    dd + dt {
      margin-block-start: var(--_space-2);
    }
  }
`;
