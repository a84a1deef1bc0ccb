import { msg } from '@lit/localize';
import { pages, type HubClient, type Schema } from '@smart-region/sdk';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { skeletonText } from '../../core/states.js';
import { ManageElement } from '../shared/manage-element.js';
import { basePath } from '../shared/navigation.js';
import { organizationHeader } from '../shared/organization-nav.js';
import { actionLabel, resourceLabel } from './actions.js';
import type { Me } from '../shared/session-events.js';

type AuditEntry = Schema<'AuditEntry'>;

/** Entries per page: a screen of them, more on request. */
const pageSize = 50;

interface Loaded {
  entries: AuditEntry[];
  more: boolean;
}

/** The first `count` pages of a log, and whether there are more. */
async function firstPages(hub: HubClient, organizationId: string | undefined, count: number, signal: AbortSignal): Promise<Loaded> {
  const query = { limit: pageSize };
  const all = organizationId
    ? pages(hub, '/organizations/{organizationId}/audit-log', { params: { path: { organizationId }, query }, signal })
    : pages(hub, '/audit-log', { params: { query }, signal });
  const entries: AuditEntry[] = [];
  let seen = 0;
  for await (const page of all) {
    entries.push(...page.items);
    if (++seen === count) return { entries, more: page.nextCursor !== null };
  }
  return { entries, more: false };
}

/**
 * Who did what and when: an organization's log for its owners, the whole Hub's for region
 * admins. It names people and keys, never citizens (ids only).
 */
export class SrManageAuditLog extends ManageElement {
  static override properties: PropertyDeclarations = {
    organizationId: { attribute: false },
    me: { attribute: false },
    pageCount: { state: true },
  };

  /** The organization whose log to show; unset, the whole Hub's. */
  declare organizationId: string | undefined;
  declare me: Me | undefined;
  declare private pageCount: number;

  readonly #log = this.fetchTask({
    args: () => [this.organizationId, this.pageCount] as const,
    fetch: (hub, [organizationId, count], signal) => firstPages(hub, organizationId, count, signal),
    isEmpty: ({ entries }) => entries.length === 0,
  });

  constructor() {
    super();
    this.pageCount = 1;
  }

  protected override render(): TemplateResult {
    const heading = this.organizationId
      ? organizationHeader(this.me, this.organizationId, 'audit-log', msg('Protokoll'))
      : html`<p><a href=${basePath}>← ${msg('Meine Organisationen')}</a></p>
          <h1>${msg('Protokoll des ganzen Hubs')}</h1>`;
    return html`${heading}
      <p class="lead">${msg('Wer wann was getan hat: Änderungen, Anmeldungen und jeder Zugriff auf personenbezogene Daten. Angaben von Bürgerinnen und Bürgern stehen hier nie, nur Kennungen.')}</p>
      ${this.#log.render({
        skeleton: () => html`<p>${skeletonText('50ch')}</p><p>${skeletonText('50ch')}</p>`,
        emptyText: msg('Noch keine Einträge.'),
        complete: ({ entries, more }) => html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="log-caption">
            <table>
              <caption id="log-caption" class="visually-hidden">${msg('Einträge, neueste zuerst')}</caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Wann')}</th>
                  <th scope="col">${msg('Wer')}</th>
                  <th scope="col">${msg('Was')}</th>
                  <th scope="col">${msg('Betroffen')}</th>
                </tr>
              </thead>
              <tbody>
                ${entries.map((entry) => this.#row(entry))}
              </tbody>
            </table>
          </div>
          ${
            more
              ? html`<p><button class="button" type="button" @click=${() => this.pageCount++}>${msg('Ältere Einträge anzeigen')}</button></p>`
              : nothing
          }`,
      })}`;
  }

  #row(entry: AuditEntry): TemplateResult {
    const { actor } = entry;
    const who =
      actor.kind === 'admin-token'
        ? msg('Zugang der Betreiber (HUB_ADMIN_TOKEN)')
        : actor.kind === 'api-key'
          ? html`${msg('API-Schlüssel')} <bdi>${actor.name ?? actor.id ?? ''}</bdi>`
          : html`<bdi>${actor.name ?? msg('gelöschte Person')}</bdi>`;
    return html`<tr>
      <td data-label=${msg('Wann')}>${this.format.dateTime(new Date(entry.at))}</td>
      <td data-label=${msg('Wer')}>${who}</td>
      <td data-label=${msg('Was')}>${actionLabel(entry.action) ?? html`<code>${entry.action}</code>`}</td>
      <td data-label=${msg('Betroffen')}>
        ${entry.resourceType ? html`<span>${resourceLabel(entry.resourceType)} <code class="id">${entry.resourceId ?? ''}</code></span>` : '–'}
      </td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-manage-audit-log': SrManageAuditLog;
  }
}
