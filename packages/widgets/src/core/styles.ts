import { css, unsafeCSS, type CSSResult } from 'lit';

/*
 * The styling contract. A page restyles every widget with the public `--sr-*` tokens (they
 * inherit through shadow roots) and individual elements with `::part()`. Inside, components
 * use only the private `--_*` copies, so a default lives in exactly one place.
 */

/**
 * Black or white, whichever contrasts more with `color`: WCAG 2 contrast with either is equal at a
 * relative luminance of 0.1791, so the channels switch from 1 to 0 there. CSS cannot compute a
 * contrast ratio, but relative colour syntax can compute the luminance (linear sRGB).
 */
export function contrastingText(color: string): CSSResult {
  const channel = 'clamp(0, (0.1791 - (0.2126 * r + 0.7152 * g + 0.0722 * b)) * infinity, 1)';
  return unsafeCSS(`color(from ${color} srgb-linear ${channel} ${channel} ${channel})`);
}

/**
 * Colours, type, spacing, focus ring. Light or dark is the page's choice: `color-scheme` inherits
 * into the shadow root, so a widget is light on a page that declares nothing and follows the
 * reader's system setting only where the page supports dark (`color-scheme: light dark`);
 * `theme` pins one. Each default is a `light-dark()` pair, picked by the scheme in use.
 */
export const tokens = css`
  :host {
    --_color-primary: var(--sr-color-primary, light-dark(#0b5394, #8cc2ff));
    /* Derived, so a page that sets only its primary still gets readable buttons. */
    --_color-on-primary: var(--sr-color-on-primary, ${contrastingText('var(--_color-primary)')});
    --_color-text: var(--sr-color-text, light-dark(#1d2329, #e8ebef));
    --_color-text-muted: var(--sr-color-text-muted, light-dark(#4d5863, #aab4be));
    --_color-surface: var(--sr-color-surface, light-dark(#ffffff, #1a1e23));
    --_color-surface-raised: var(--sr-color-surface-raised, light-dark(#f3f5f7, #242a31));
    --_color-border: var(--sr-color-border, light-dark(#7d8791, #79838d));
    --_color-danger: var(--sr-color-danger, light-dark(#b42318, #ff8f84));
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
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
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
  /* A pinned theme may differ from the page around it, so its surface shows as a box: give it room. */
  :host([theme='light']),
  :host([theme='dark']) {
    padding: var(--_space-4);
    border-radius: var(--_radius);
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
  a {
    color: var(--_color-primary);
  }
  a.button {
    text-decoration: none;
  }
  /* In the text colour: a page's primary colour may be too light (or dark) for text on the surface. */
  a.print {
    color: inherit;
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
  /* Away from the text colour (towards its opposite), so hovering never lowers the contrast. */
  .button.primary:hover {
    background: color-mix(in srgb, var(--_color-primary) 85%, rgb(from var(--_color-on-primary) calc(255 - r) calc(255 - g) calc(255 - b)));
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
