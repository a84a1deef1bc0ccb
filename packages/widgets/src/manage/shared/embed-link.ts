import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { membershipIn } from './organization-nav.js';
import type { Me } from './session-events.js';

/** A widget as the Hub's embed addresses name it: its tag without `sr-`. */
export type EmbeddableWidget = 'event-calendar' | 'help-finder' | 'poll' | 'volunteer-board';

/**
 * The Hub's configurator (`/configure/`) set to one widget and the attributes that show one item:
 * there the webmaster picks the look and copies the snippet. Its address takes each attribute by
 * name, the same format as the embed and widget pages.
 */
export const configureUrl = (widget: EmbeddableWidget, attributes: Record<string, string>): string =>
  `/configure/?${new URLSearchParams({ widget, ...attributes }).toString()}`;

/** "Auf der Website einbinden": the way from a saved item's screen to the snippet that shows it on a website. */
export const embedLink = (widget: EmbeddableWidget, attributes: Record<string, string>): TemplateResult =>
  html`<p><a href=${configureUrl(widget, attributes)}>${msg('Auf der Website einbinden')}</a></p>`;

/**
 * How a widget's `organization` attribute names the organization: its slug, readable in a snippet,
 * from the person's membership; the address's id or slug when they are no member (a region admin).
 */
export const organizationAttribute = (me: Me | undefined, organizationId: string): string =>
  membershipIn(me, organizationId)?.organization.slug ?? organizationId;
