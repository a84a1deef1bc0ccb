import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ManageElement } from '../shared/manage-element.js';
import { roleLabel, statusLabel } from '../shared/labels.js';
import { basePath, organizationPath } from '../shared/navigation.js';
import { organizationScreens } from '../shared/organization-nav.js';
import type { Me } from '../shared/session-events.js';

/**
 * The landing after sign-in: the organizations the person acts for, with their role and what they
 * may open; for a region admin also the registrations waiting for a decision.
 */
export class SrManageHome extends ManageElement {
  static override properties: PropertyDeclarations = {
    me: { attribute: false },
  };

  declare me: Me | undefined;

  protected override render(): TemplateResult {
    const me = this.me;
    if (!me) return html``;
    return html`<h1>${msg('Meine Organisationen')}</h1>
      <p class="lead">${msg('Die Organisationen, für die Sie auf dem Hub arbeiten, und Ihre Rolle darin.')}</p>
      ${
        me.memberships.length === 0 && me.regionAdmin
          ? nothing
          : me.memberships.length === 0
            ? html`<div class="message">
            <p>${msg('Sie gehören noch zu keiner Organisation. Bitten Sie eine Person, die Ihre Organisation verwaltet, Sie einzuladen, oder registrieren Sie Ihre Organisation.')}</p>
            <p><a href="${basePath}register">${msg('Organisation registrieren')}</a></p>
          </div>`
            : html`<ul class="list">
            ${me.memberships.map(
              ({ organization, role }) => html`<li class="card">
              <h2 class="card-title" dir="auto">${organization.name}</h2>
              <p>${msg('Ihre Rolle:')} <strong>${roleLabel(role)}</strong>${
                organization.status === 'approved' ? nothing : html` · <span class="badge">${statusLabel(organization.status)}</span>`
              }</p>
              ${
                organization.status === 'pending'
                  ? html`<p>${msg('Die Region prüft Ihre Registrierung. Bis zur Freigabe ist nichts von Ihrer Organisation öffentlich.')}</p>`
                  : nothing
              }
              <p>
                <a class="button primary" href=${organizationPath(organization.id, 'dashboard')} aria-label=${msg(str`Öffnen: ${organization.name}`)}
                  >${msg('Öffnen')}</a
                >
              </p>
              <ul class="actions links" aria-label=${msg(str`Bereiche von ${organization.name}`)}>
                ${organizationScreens(role)
                  .filter(([screen]) => screen !== 'dashboard')
                  .map(([screen, label]) => html`<li><a href=${organizationPath(organization.id, screen)}>${label}</a></li>`)}
              </ul>
              ${role === 'owner' ? nothing : html`<p class="hint">${msg('Mitglieder und Schlüssel verwalten Personen mit der Rolle Verwaltung.')}</p>`}
            </li>`,
            )}
          </ul>`
      }
      ${
        me.regionAdmin
          ? html`<h2>${msg('Region')}</h2>
            <p><a href="${basePath}audit-log">${msg('Protokoll des ganzen Hubs')}</a></p>
            <sr-manage-registrations hub-url=${this.hubUrl ?? nothing}></sr-manage-registrations>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-manage-home': SrManageHome;
  }
}
