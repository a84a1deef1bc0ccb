import { css } from 'lit';
import { contrastingText } from '../core/styles.js';

export const helpFinderStyles = css`
  :host {
    --_color-crisis: var(--sr-color-crisis, #8a1c1c);
    container-type: inline-size;
  }
  h2,
  h3 {
    margin: 0;
    line-height: 1.3;
  }
  p {
    margin: 0 0 var(--_space-2);
  }
  /* The quick exit stays at the top of the screen while the finder is on it, and leaves with
     it. The bar around the button lets clicks through to what scrolls beneath it, and an
     element that gets the focus scrolls clear of the button (scroll-margin). */
  .top {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    display: flex;
    justify-content: flex-end;
    padding-block: var(--_space-2);
    margin-block-end: var(--_space-1);
    pointer-events: none;
  }
  .exit {
    pointer-events: auto;
  }
  :host * {
    scroll-margin-block-start: 4.5rem;
  }
  /* In the text colour, never the page's primary: readable on the page's surface, and its
     label black or white by contrast, whatever colours the page sets. */
  .exit {
    color: ${contrastingText('var(--_color-text)')};
    background: var(--_color-text);
    border-color: var(--_color-text);
  }
  .exit:hover {
    text-decoration: underline;
  }
  .crisis {
    margin-block: var(--_space-4);
    padding: var(--_space-4);
    border-radius: var(--_radius);
    color: #fff;
    background: var(--_color-crisis);
  }
  .crisis a {
    color: inherit;
  }
  .crisis-heading {
    font-size: 1.05em;
    margin-block-end: var(--_space-3);
  }
  .urgent .crisis-heading {
    font-size: 1.25em;
  }
  .phones {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .phone {
    display: inline-flex;
    flex-direction: column;
    min-block-size: 2.75rem;
    padding: var(--_space-2) var(--_space-3);
    border: 2px solid currentColor;
    border-radius: var(--_radius);
    text-decoration: none;
  }
  .phone strong {
    font-size: 1.2em;
  }
  .more-numbers {
    margin-block-start: var(--_space-3);
  }
  .more-numbers ul {
    padding-inline-start: var(--_space-4);
  }
  .more-numbers li {
    margin-block-end: var(--_space-2);
  }
  summary {
    padding-block: var(--_space-2);
    font-weight: 600;
    cursor: pointer;
  }
  .search-label,
  .guided-question {
    display: block;
    font-size: 1.15em;
    font-weight: 600;
    margin-block-end: var(--_space-2);
  }
  .search-row {
    display: flex;
    gap: var(--_space-2);
  }
  input[type='search'] {
    flex: 1;
  }
  .organization,
  .topics {
    color: var(--_color-text-muted);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin-block: var(--_space-3);
  }
  .chip {
    min-block-size: 2.75rem;
    padding: var(--_space-1) var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: 999px;
    font: inherit;
    color: inherit;
    background: var(--_color-surface);
    cursor: pointer;
  }
  .chip.child {
    border-style: dashed;
  }
  .chip[aria-pressed='true'] {
    color: var(--_color-on-primary);
    background: var(--_color-primary);
    border-color: var(--_color-primary);
  }
  .count {
    font-weight: 600;
  }
  .filters {
    margin-block: var(--_space-3);
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_color-divider);
    border-radius: var(--_radius);
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
    gap: var(--_space-3);
    padding-block: var(--_space-2);
  }
  .field {
    display: grid;
    gap: var(--_space-1);
  }
  .checks,
  .near {
    display: grid;
    gap: var(--_space-2);
    align-content: start;
  }
  .problem {
    color: var(--_color-danger);
  }
  .offers {
    display: grid;
    gap: var(--_space-3);
    margin: 0 0 var(--_space-4);
    padding: 0;
    list-style: none;
  }
  .offer {
    padding: var(--_space-4);
    border: 1px solid var(--_color-divider);
    border-radius: var(--_radius);
  }
  .crisis-offer {
    border-inline-start: 4px solid var(--_color-crisis);
  }
  .offer-name {
    font-size: 1.15em;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-2);
  }
  .badge {
    padding: 0 var(--_space-2);
    border-radius: var(--_radius);
    font-size: 0.9em;
    background: var(--_color-surface-raised);
  }
  .badge.open {
    font-weight: 600;
  }
  .badge.example {
    border: 1px dashed var(--_color-border);
  }
  .actions,
  .guided-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin-block: var(--_space-3) var(--_space-2);
  }
  .button.link {
    border-color: transparent;
    text-decoration: underline;
  }
  .description {
    white-space: pre-line;
  }
  .facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_space-2) var(--_space-4);
  }
  .facts dt {
    font-weight: 600;
  }
  .facts dd {
    margin: 0;
  }
  .guided fieldset {
    margin: 0;
    padding: 0;
    border: 0;
  }
  .step {
    display: block;
    font-size: 0.8em;
    font-weight: 400;
    color: var(--_color-text-muted);
  }
  @container (max-width: 30rem) {
    .search-row {
      flex-direction: column;
    }
    .facts {
      grid-template-columns: 1fr;
    }
    .facts dd {
      margin-block-end: var(--_space-2);
    }
  }
`;
