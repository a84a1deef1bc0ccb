import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { basePath, organizationPath } from './navigation.js';
import type { Me } from './session-events.js';

export type OrganizationScreen = 'members' | 'api-keys' | 'audit-log';

/** The organization's name as the person's membership shows it, else `undefined` (a region admin's look at another). */
export function organizationName(me: Me | undefined, organizationId: string): string | undefined {
  return me?.memberships.find(({ organization }) => organization.id === organizationId || organization.slug === organizationId)
    ?.organization.name;
}

/** The heading of an organization's screen, and links to its other screens (the current one marked). */
export function organizationHeader(me: Me | undefined, organizationId: string, current: OrganizationScreen, title: string): TemplateResult {
  const name = organizationName(me, organizationId);
  const links: [OrganizationScreen, string][] = [
    ['members', msg('Mitglieder')],
    ['api-keys', msg('API-Schlüssel')],
    ['audit-log', msg('Protokoll')],
  ];
  return html`<p><a href=${basePath}>← ${msg('Meine Organisationen')}</a></p>
    <h1>${title}${name ? html`: <bdi>${name}</bdi>` : ''}</h1>
    <nav aria-label=${msg('Bereiche der Organisation')}>
      <ul class="actions tabs">
        ${links.map(
          ([screen, label]) =>
            html`<li><a href=${organizationPath(organizationId, screen)} aria-current=${screen === current ? 'page' : 'false'}>${label}</a></li>`,
        )}
      </ul>
    </nav>`;
}
