import { css } from 'lit';

/** The screens' layout on top of the widgets' tokens and controls: headings, forms, lists, messages. */
export const manageStyles = css`
  :host {
    background: transparent;
  }
  [hidden] {
    display: none !important;
  }
  h1,
  h2,
  h3 {
    margin: var(--_space-5) 0 var(--_space-3);
    line-height: 1.25;
  }
  h1 {
    margin-block-start: 0;
    font-size: 1.75em;
  }
  h1:focus {
    outline: none;
  }
  h2 {
    font-size: 1.3em;
  }
  h3 {
    font-size: 1.1em;
  }
  p {
    margin: 0 0 var(--_space-3);
  }
  a {
    color: var(--_color-primary);
  }
  .lead {
    color: var(--_color-text-muted);
  }
  .form {
    display: grid;
    gap: var(--_space-4);
    max-inline-size: 36rem;
    margin-block-end: var(--_space-4);
  }
  .form .form {
    margin-block-end: 0;
  }
  .field {
    display: grid;
    gap: var(--_space-1);
  }
  fieldset {
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend h2 {
    margin: 0;
  }
  label,
  legend {
    font-weight: 600;
  }
  legend {
    padding: 0;
    margin-block-end: var(--_space-1);
  }
  /* As specific as the controls' own border (fieldStyles), and later: it wins. */
  .field :is(input, select, textarea)[aria-invalid='true'] {
    border: 2px solid var(--_color-danger);
  }
  .field-error {
    font-weight: 600;
    color: var(--_color-danger);
  }
  .message {
    margin-block-end: var(--_space-4);
    padding: var(--_space-3) var(--_space-4);
    border-radius: var(--_radius);
    border-inline-start: 4px solid var(--_color-primary);
    background: var(--_color-surface-raised);
    max-inline-size: 42rem;
  }
  .message.danger {
    border-inline-start-color: var(--_color-danger);
  }
  .message > :last-child {
    margin-block-end: 0;
  }
  .message > .secret {
    margin-block-end: var(--_space-3);
  }
  .message h2,
  .message h3 {
    margin: 0 0 var(--_space-2);
    font-size: 1em;
  }
  .message ul {
    margin: 0;
    padding-inline-start: var(--_space-4);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: center;
  }
  .button.danger {
    border-color: var(--_color-danger);
    color: var(--_color-danger);
  }
  [aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .list {
    display: grid;
    gap: var(--_space-3);
    margin: 0 0 var(--_space-5);
    padding: 0;
    list-style: none;
  }
  .card {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid var(--_color-divider);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }
  .card :is(h2, h3, h4) {
    margin: 0;
    font-size: 1.15em;
  }
  .card p {
    margin: 0;
  }
  /* A list's filters and actions above it, wrapping on a phone. */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3) var(--_space-4);
    align-items: end;
    margin-block-end: var(--_space-4);
  }
  .toolbar .field {
    flex: 1 1 14rem;
    margin: 0;
  }
  /* A card's title with its badges beside it, or below on a narrow screen. */
  .card-head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-3);
    align-items: baseline;
    justify-content: space-between;
  }
  .details {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_space-1) var(--_space-3);
    margin: 0;
  }
  .details dt {
    color: var(--_color-text-muted);
  }
  .details dd {
    margin: 0;
    min-inline-size: 0;
  }
  @media (max-width: 30rem) {
    .details {
      grid-template-columns: 1fr;
    }
    .details dd {
      margin-block-end: var(--_space-2);
    }
  }
  /* A radio button, its label beside it and what the choice means below the label. */
  .choice {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0 var(--_space-2);
    align-items: center;
    padding-block: var(--_space-2);
  }
  .choice input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
    accent-color: var(--_color-primary);
  }
  .choice label {
    min-block-size: 1.75rem;
    display: flex;
    align-items: center;
  }
  .choice .hint {
    grid-column: 2;
  }
  .scopes {
    margin: 0;
    padding-inline-start: var(--_space-4);
  }
  .badge {
    display: inline-block;
    padding: 0 var(--_space-2);
    border: 1px solid var(--_color-border);
    border-radius: 999px;
    font-size: 0.9em;
  }
  code,
  .secret {
    font-family: ui-monospace, monospace;
    overflow-wrap: anywhere;
  }
  .secret {
    display: block;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }
`;

/** The links between an organization's screens. */
export const tabStyles = css`
  ul.tabs {
    margin: 0 0 var(--_space-5);
    padding: 0;
    list-style: none;
    border-block-end: 1px solid var(--_color-divider);
  }
  .tabs a {
    display: inline-flex;
    align-items: center;
    min-block-size: 2.75rem;
    padding: 0 var(--_space-2);
  }
  .tabs a[aria-current='page'] {
    font-weight: 700;
    color: inherit;
    text-decoration: none;
    border-block-end: 3px solid var(--_color-primary);
  }
  /* An organization's screens: tabs on a wide screen, a menu on a phone (organization-nav.ts). */
  .sections-narrow {
    display: none;
  }
  @media (max-width: 40rem) {
    .sections-wide {
      display: none;
    }
    .sections-narrow {
      display: block;
      margin-block-end: var(--_space-5);
      border-block: 1px solid var(--_color-divider);
    }
    .sections-narrow summary {
      padding-block: var(--_space-3);
      color: var(--_color-primary);
      cursor: pointer;
    }
    ul.sections-menu {
      margin: 0 0 var(--_space-2);
      padding: 0;
      list-style: none;
    }
    .sections-menu a {
      display: flex;
      align-items: center;
      min-block-size: 2.75rem;
      padding-inline-start: var(--_space-3);
    }
    .sections-menu a[aria-current='page'] {
      font-weight: 700;
      color: inherit;
      text-decoration: none;
      border-inline-start: 3px solid var(--_color-primary);
    }
  }
`;

/** Lists of links or buttons laid out in a row. */
export const rowStyles = css`
  ul.actions {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  ul.links a {
    display: inline-flex;
    align-items: center;
    min-block-size: 2.75rem;
  }
  textarea {
    inline-size: 100%;
  }
  .field input:not([type='checkbox']):not([type='radio']),
  .field select {
    max-inline-size: 100%;
  }
`;

/** Tables too wide for a phone scroll inside their own box, not the page. */
export const tableStyles = css`
  .table-scroll {
    max-inline-size: 100%;
    overflow-x: auto;
    margin-block-end: var(--_space-4);
  }
  table {
    border-collapse: collapse;
    min-inline-size: 100%;
  }
  th,
  td {
    padding: var(--_space-2) var(--_space-3);
    border-block-end: 1px solid var(--_color-divider);
    text-align: start;
    vertical-align: top;
  }
  td code.id {
    font-size: 0.85em;
  }
  /* On a phone each row is a block of labelled lines: four columns do not fit 320 px. */
  @media (max-width: 40rem) {
    thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    tr {
      display: block;
      padding-block: var(--_space-2);
      border-block-end: 1px solid var(--_color-divider);
    }
    td {
      display: grid;
      grid-template-columns: 6rem 1fr;
      gap: var(--_space-2);
      padding: var(--_space-1) 0;
      border: 0;
    }
    td::before {
      content: attr(data-label);
      color: var(--_color-text-muted);
    }
  }
`;
