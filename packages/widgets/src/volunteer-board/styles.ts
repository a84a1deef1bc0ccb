import { css } from 'lit';

export const boardStyles = css`
  :host {
    --_color-urgent: var(--sr-color-urgent, var(--_color-danger));
  }
  p {
    margin: 0 0 var(--_space-2);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    align-items: end;
    margin-block-end: var(--_space-4);
  }
  .field {
    display: grid;
    gap: var(--_space-1);
  }
  .form .field {
    margin-block-end: var(--_space-3);
  }
  label {
    font-weight: 600;
  }
  [aria-invalid='true'] {
    border-color: var(--_color-danger);
    border-width: 2px;
  }
  /* The consent's long text: the box stays by its first line. */
  .consent .check {
    align-items: flex-start;
  }
  .consent .check input {
    margin-block-start: 0.15em;
  }
  .organization,
  .note {
    font-weight: 400;
    color: var(--_color-text-muted);
  }
  .field-error {
    font-weight: 600;
    color: var(--_color-danger);
  }
  .needs {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
    gap: var(--_space-4);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .need {
    display: flex;
    flex-direction: column;
    padding: var(--_space-4);
    border: 1px solid var(--_color-divider);
    border-radius: var(--_radius);
  }
  .need.urgent {
    border-inline-start: 4px solid var(--_color-urgent);
  }
  .need .button {
    align-self: flex-start;
    margin-block-start: auto;
  }
  .need-title {
    margin: 0 0 var(--_space-1);
    font-size: 1.15em;
    line-height: 1.3;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .badge {
    padding: 0 var(--_space-2);
    border-radius: var(--_radius);
    font-size: 0.9em;
    background: var(--_color-surface-raised);
  }
  .urgent-badge {
    font-weight: 700;
    color: var(--_color-surface);
    background: var(--_color-urgent);
  }
  .badge.example {
    border: 1px dashed var(--_color-border);
  }
  .facts {
    display: grid;
    /* Both columns may shrink: a long term or value wraps instead of widening a 320 px page. */
    grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
    gap: var(--_space-1) var(--_space-3);
    overflow-wrap: anywhere;
    margin: 0 0 var(--_space-3);
  }
  .facts dt {
    font-weight: 600;
  }
  .facts dd {
    margin: 0;
  }
  .shifts {
    margin: 0 0 var(--_space-3);
    padding: 0;
    border: 0;
  }
  .shifts legend {
    padding: 0;
    font-weight: 600;
  }
  .shifts .hint,
  .shifts .field-error {
    display: block;
  }
  .shift-list {
    display: grid;
    gap: var(--_space-2);
    margin: var(--_space-2) 0 0;
    padding: 0;
    list-style: none;
  }
  /* The box, then what the shift is; its places below, under the text. */
  .shift {
    display: grid;
    grid-template-columns: 1.25rem minmax(0, 1fr);
    gap: 0 var(--_space-3);
    align-items: start;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_color-divider);
    border-radius: var(--_radius);
  }
  .shift:has(input:checked) {
    border-color: var(--_color-primary);
    background: var(--_color-surface-raised);
  }
  .shift.suggested {
    border: 2px solid var(--_color-primary);
  }
  .shift input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0.15em 0 0;
    accent-color: var(--_color-primary);
  }
  .shift label {
    font-weight: 600;
    cursor: pointer;
  }
  .shift .places {
    grid-column: 2;
    font-size: 0.9em;
    color: var(--_color-text-muted);
  }
  .shift:has(input:disabled) label {
    font-weight: 400;
    color: var(--_color-text-muted);
    cursor: default;
  }
  .honeypot {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  .error-summary,
  .send-error,
  .confirmation {
    margin-block-end: var(--_space-4);
    padding: var(--_space-3) var(--_space-4);
    border-radius: var(--_radius);
    background: var(--_color-surface-raised);
  }
  .error-summary,
  .send-error {
    border-inline-start: 4px solid var(--_color-danger);
  }
  .confirmation {
    border-inline-start: 4px solid var(--_color-primary);
  }
  .error-summary h3 {
    margin: 0 0 var(--_space-2);
    font-size: 1em;
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: var(--_space-4);
  }
  [aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
`;
