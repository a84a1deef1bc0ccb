import { css } from 'lit';

export const pollStyles = css`
  :host {
    --_bar-color: var(--sr-poll-bar-color, var(--_color-primary));
  }
  p {
    margin: 0 0 var(--_space-2);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
  }
  .question {
    display: block;
    margin: 0 0 var(--_space-2);
    padding: 0;
    font-size: 1.25em;
    font-weight: 600;
    line-height: 1.3;
  }
  .status,
  .note {
    color: var(--_color-text-muted);
  }
  .hint {
    display: block;
  }
  .option {
    display: flex;
    gap: var(--_space-3);
    align-items: flex-start;
    min-block-size: 2.75rem;
    margin-block-end: var(--_space-2);
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_color-divider);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .option:has(input:checked) {
    border-color: var(--_color-primary);
    background: var(--_color-surface-raised);
  }
  .option input {
    flex: none;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0.15em 0 0;
    accent-color: var(--_color-primary);
  }
  .limit:empty {
    display: none;
  }
  .code-field {
    display: grid;
    gap: var(--_space-1);
    margin-block: var(--_space-3);
    font-weight: 600;
  }
  .code-field input {
    max-inline-size: 16rem;
    letter-spacing: 0.1em;
    text-transform: uppercase;
  }
  .vote-error,
  .confirmation {
    margin-block: var(--_space-3);
    padding: var(--_space-3) var(--_space-4);
    border-radius: var(--_radius);
    background: var(--_color-surface-raised);
  }
  .vote-error {
    border-inline-start: 4px solid var(--_color-danger);
  }
  .confirmation {
    border-inline-start: 4px solid var(--_color-primary);
  }
  .vote-error p:last-child,
  .confirmation p:last-child {
    margin: 0;
  }
  [aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .results {
    margin-block-start: var(--_space-4);
  }
  .results h3 {
    margin: 0 0 var(--_space-3);
    font-size: 1.1em;
  }
  .bars {
    display: grid;
    gap: var(--_space-3);
    margin: 0 0 var(--_space-3);
    padding: 0;
    list-style: none;
  }
  .bar-label {
    display: flex;
    justify-content: space-between;
    gap: var(--_space-3);
  }
  .bar {
    display: block;
    block-size: 0.75rem;
    margin-block: var(--_space-1);
    border-radius: var(--_radius);
    background: linear-gradient(var(--_bar-color), var(--_bar-color)) no-repeat 0 0 / calc(var(--_share, 0) * 100%) 100%, var(--_color-surface-raised);
  }
  .bar-votes,
  .participants {
    font-size: 0.9em;
    color: var(--_color-text-muted);
  }
  summary {
    padding-block: var(--_space-2);
    font-weight: 600;
    cursor: pointer;
  }
  .table-scroll {
    overflow-x: auto;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: var(--_space-1) var(--_space-2);
    border-block-end: 1px solid var(--_color-divider);
    text-align: end;
  }
  th:first-child {
    text-align: start;
  }
  @media (forced-colors: active) {
    .bar {
      background: linear-gradient(CanvasText, CanvasText) no-repeat 0 0 / calc(var(--_share, 0) * 100%) 100%;
      border: 1px solid CanvasText;
    }
  }
`;
