import { msg } from '@lit/localize';
import { css, html, nothing, type TemplateResult } from 'lit';
import { element } from './element.js';
import type { ErrorMessage } from './errors.js';
import { alertIcon, infoIcon } from './icons.js';

/*
 * The shared looks of "not the content yet": loading, failed, nothing found, possibly outdated.
 * Every widget shows them the same way, with the same parts for pages to restyle.
 */

/**
 * Loading. `placeholder` mirrors the content's layout (same rows, same paddings) with
 * `skeletonText` in place of words, so the widget keeps its size when the data arrives.
 */
export function skeletonState(placeholder: TemplateResult): TemplateResult {
  return html`<div part="skeleton" class="skeleton" role="status">
    <span class="visually-hidden">${msg('Wird geladen …')}</span>
    <div aria-hidden="true">${placeholder}</div>
  </div>`;
}

/** A bar as tall as a line of text, `width` wide (any CSS length, e.g. `60%` or `12ch`). */
export function skeletonText(width = '60%'): TemplateResult {
  // Set through the CSSOM, which a strict CSP allows. A style attribute it blocks, and that
  // includes styleMap, which writes the attribute on its first render.
  return html`<span class="skeleton-text" ${element((bar) => bar.style.setProperty('inline-size', width))}></span>`;
}

/** A failure, with a retry button when retrying may help. */
export function errorState(message: ErrorMessage, retry: () => void): TemplateResult {
  return html`<div part="error" class="state error" role="alert">
    ${alertIcon}
    <div class="state-text">
      <p part="error-title" class="state-title">${message.title}</p>
      <p>${message.detail}</p>
      ${message.canRetry ? retryButton(retry) : nothing}
    </div>
  </div>`;
}

/** Nothing to show, e.g. no results for a search. */
export function emptyState(text: string): TemplateResult {
  return html`<div part="empty" class="state empty" role="status">${infoIcon}<p>${text}</p></div>`;
}

/** A line above content that may be outdated (offline, or the last refresh failed). */
export function staleNotice(text: string, retry: () => void): TemplateResult {
  return html`<div part="notice" class="notice" role="status">
    ${infoIcon}
    <p class="notice-text">${text}</p>
    ${retryButton(retry)}
  </div>`;
}

function retryButton(retry: () => void): TemplateResult {
  return html`<button part="button retry-button" class="button" type="button" @click=${retry}>
    ${msg('Erneut versuchen')}
  </button>`;
}

export const stateStyles = css`
  .skeleton {
    position: relative;
  }
  /* As tall as a line of text wherever it sits (inline, flex or grid), the bar 1em of it. */
  .skeleton-text {
    display: inline-block;
    block-size: 1lh;
    max-inline-size: 100%;
    padding-block: calc((1lh - 1em) / 2);
    vertical-align: top;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_color-border) 30%, transparent) content-box;
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton-text {
      animation: sr-pulse 1.6s ease-in-out infinite;
    }
  }
  @keyframes sr-pulse {
    50% {
      opacity: 0.45;
    }
  }
  .state {
    display: flex;
    min-inline-size: 0;
    gap: var(--_space-3);
    align-items: flex-start;
    padding: var(--_space-4);
    border-radius: var(--_radius);
    background: var(--_color-surface-raised);
  }
  .state p {
    margin: 0 0 var(--_space-2);
  }
  .state p:last-child {
    margin-block-end: 0;
  }
  .state-title {
    font-weight: 600;
  }
  .state .button {
    margin-block-start: var(--_space-2);
  }
  .error {
    border-inline-start: 4px solid var(--_color-danger);
  }
  .error > svg {
    color: var(--_color-danger);
  }
  .empty {
    color: var(--_color-text-muted);
  }
  .notice {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-3);
    align-items: center;
    margin-block-end: var(--_space-3);
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_color-divider);
    border-radius: var(--_radius);
    background: var(--_color-surface-raised);
  }
  .notice-text {
    flex: 1 1 12rem;
    min-inline-size: 0;
    margin: 0;
  }
`;
