import { css } from 'lit';

/*
 * The styling contract. A page restyles every widget with the public `--sr-*` tokens (they
 * inherit through shadow roots) and individual elements with `::part()`. Inside, components
 * use only the private `--_*` copies, so a default lives in exactly one place.
 */

const darkPalette = css`
  color-scheme: dark;
  --_color-primary: var(--sr-color-primary, #8cc2ff);
  --_color-on-primary: var(--sr-color-on-primary, #0b1a2a);
  --_color-text: var(--sr-color-text, #e8ebef);
  --_color-text-muted: var(--sr-color-text-muted, #aab4be);
  --_color-surface: var(--sr-color-surface, #1a1e23);
  --_color-surface-raised: var(--sr-color-surface-raised, #242a31);
  --_color-border: var(--sr-color-border, #79838d);
  --_color-danger: var(--sr-color-danger, #ff8f84);
`;

/** Colours (light by default, dark by preference or `theme="dark"`), type, spacing, focus ring. */
export const tokens = css`
  :host {
    color-scheme: light;
    --_color-primary: var(--sr-color-primary, #0b5394);
    --_color-on-primary: var(--sr-color-on-primary, #ffffff);
    --_color-text: var(--sr-color-text, #1d2329);
    --_color-text-muted: var(--sr-color-text-muted, #4d5863);
    --_color-surface: var(--sr-color-surface, #ffffff);
    --_color-surface-raised: var(--sr-color-surface-raised, #f3f5f7);
    --_color-border: var(--sr-color-border, #7d8791);
    --_color-danger: var(--sr-color-danger, #b42318);
    --_font-size: var(--sr-font-size, 1rem);
    --_radius: var(--sr-radius, 0.375rem);
    --_space-1: var(--sr-space-1, 0.25rem);
    --_space-2: var(--sr-space-2, 0.5rem);
    --_space-3: var(--sr-space-3, 0.75rem);
    --_space-4: var(--sr-space-4, 1rem);
    --_space-5: var(--sr-space-5, 1.5rem);
    --_space-6: var(--sr-space-6, 2rem);
    --_focus-ring: var(--sr-focus-ring, 3px solid var(--_color-primary));
    /* Decorative lines need no 3:1 contrast; controls use the full border colour. */
    --_color-divider: color-mix(in srgb, var(--_color-border) 45%, transparent);
  }
  /* The attribute wins over the preference: theme="light" keeps a light page light. */
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkPalette}
    }
  }
  :host([theme='dark']) {
    ${darkPalette}
  }
`;

/** What every widget's host and its controls look like before the widget adds its own rules. */
export const base = css`
  :host {
    display: block;
    box-sizing: border-box;
    /* inherit: the page's own font, unless the page sets --sr-font-family. */
    font-family: var(--sr-font-family, inherit);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_color-text);
    background: var(--_color-surface);
    /* Long German compounds must not push a narrow widget wider than the screen. */
    overflow-wrap: break-word;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space-2);
    /* 44 px: a comfortable target for fingers and unsteady hands. */
    min-block-size: 2.75rem;
    max-inline-size: 100%;
    padding: var(--_space-2) var(--_space-4);
    border: 1px solid var(--_color-primary);
    border-radius: var(--_radius);
    font: inherit;
    font-weight: 600;
    color: var(--_color-primary);
    background: var(--_color-surface);
    cursor: pointer;
  }
  .button:hover {
    background: var(--_color-surface-raised);
  }
  .button.primary {
    color: var(--_color-on-primary);
    background: var(--_color-primary);
  }
  .button.primary:hover {
    background: color-mix(in srgb, var(--_color-primary) 85%, var(--_color-text));
  }
  svg {
    flex: none;
    fill: currentColor;
  }
`;

/** Form controls of the widgets' searches, filters and forms: large targets, the page's font. */
export const fieldStyles = css`
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    min-block-size: 2.75rem;
    min-inline-size: 0;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    font: inherit;
    color: inherit;
    background: var(--_color-surface);
  }
  .check {
    display: flex;
    gap: var(--_space-2);
    align-items: center;
    min-block-size: 2.75rem;
    font-weight: 400;
  }
  .check input {
    flex: none;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
    accent-color: var(--_color-primary);
  }
  .hint {
    font-size: 0.9em;
    font-weight: 400;
    color: var(--_color-text-muted);
  }
`;
