import { msg } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';
import { html, type TemplateResult } from 'lit';
import type { Role } from './labels.js';
import { basePath, organizationPath, type OrganizationScreen } from './navigation.js';
import type { Me } from './session-events.js';

/** Whether the role holds `volunteer-responses:manage` (the Hub's role table): coordinators and owners. */
export const managesResponses = (role: Role | undefined): boolean => role === 'coordinator' || role === 'owner';

/** The person's membership in the organization (by id or slug), `undefined` when they are no member (a region admin's look). */
export function membershipIn(me: Me | undefined, organizationId: string): Schema<'Membership'> | undefined {
  return me?.memberships.find(({ organization }) => organization.id === organizationId || organization.slug === organizationId);
}

/** The organization's name as the person's membership shows it, else `undefined`. */
export function organizationName(me: Me | undefined, organizationId: string): string | undefined {
  return membershipIn(me, organizationId)?.organization.name;
}

/**
 * The screens of an organization a role may open, with their names: content for every member; the
 * responses for coordinators and owners; the profile and the owners' screens for owners and for
 * people who are no member (`undefined`: a region admin's look).
 */
export function organizationScreens(role: Role | undefined): [OrganizationScreen, string][] {
  const ownerScreens = role === undefined || role === 'owner';
  return [
    ['dashboard', msg('Übersicht')],
    ['events', msg('Termine')],
    ['help-offers', msg('Hilfsangebote')],
    ['volunteer-needs', msg('Ehrenamt')],
    ...(managesResponses(role) ? [['responses', msg('Rückmeldungen')] as [OrganizationScreen, string]] : []),
    ['polls', msg('Umfragen')],
    ...(ownerScreens
      ? ([
          ['profile', msg('Profil')],
          ['members', msg('Mitglieder')],
          ['api-keys', msg('API-Schlüssel')],
          ['audit-log', msg('Protokoll')],
        ] as [OrganizationScreen, string][])
      : []),
  ];
}

/**
 * The heading of an organization's screen, and links to the other screens the person may open
 * (the current one marked): a row of tabs, and on a phone a menu that names the current screen
 * and opens on demand, so the screen's content is not pushed down by a wall of links (the
 * pattern of GOV.UK's service navigation). Only one of the two is displayed.
 */
export function organizationHeader(me: Me | undefined, organizationId: string, current: OrganizationScreen, title: string): TemplateResult {
  const name = organizationName(me, organizationId);
  const links = organizationScreens(membershipIn(me, organizationId)?.role);
  const items = (className: string) =>
    html`<ul class=${className}>
      ${links.map(
        ([screen, label]) =>
          html`<li><a href=${organizationPath(organizationId, screen)} aria-current=${screen === current ? 'page' : 'false'}>${label}</a></li>`,
      )}
    </ul>`;
  const currentLabel = links.find(([screen]) => screen === current)?.[1];
  return html`<p><a href=${basePath}>← ${msg('Meine Organisationen')}</a></p>
    <h1>${title}${name ? html`: <bdi>${name}</bdi>` : ''}</h1>
    <nav class="sections-wide" aria-label=${msg('Bereiche der Organisation')}>${items('actions tabs')}</nav>
    <nav class="sections-narrow" aria-label=${msg('Bereiche der Organisation')}>
      <details>
        <summary>${msg('Bereiche')}${currentLabel ? html`: <strong>${currentLabel}</strong>` : ''}</summary>
        ${items('sections-menu')}
      </details>
    </nav>`;
}
