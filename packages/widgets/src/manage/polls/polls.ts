import { msg } from '@lit/localize';
import { pages, type HubClient, type Schema } from '@smart-region/sdk';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { skeletonText } from '../../core/states.js';
import { statusLine } from '../../poll/results.js';
import { ManageElement } from '../shared/manage-element.js';
import { itemPath } from '../shared/navigation.js';
import { organizationHeader } from '../shared/organization-nav.js';
import type { Me } from '../shared/session-events.js';

type Poll = Schema<'Poll'>;
type PollStatus = Schema<'PollStatus'>;

/** The groups of the list, in the order a clerk looks for them: what runs, what comes, what ended. */
const groups: readonly PollStatus[] = ['open', 'draft', 'closed', 'archived'];

function groupHeading(status: PollStatus): string {
  return {
    open: msg('Laufende Umfragen'),
    draft: msg('Noch nicht geöffnet'),
    closed: msg('Beendet'),
    archived: msg('Archiviert'),
  }[status];
}

/** Every poll of the organization in every status (the Hub's default leaves archived ones out). */
async function organizationPolls(hub: HubClient, organization: string, signal: AbortSignal): Promise<Poll[]> {
  const polls: Poll[] = [];
  const query = { organization: [organization], status: [...groups], limit: 100 };
  for await (const page of pages(hub, '/polls', { params: { query }, signal })) polls.push(...page.items);
  return polls;
}

/**
 * An organization's polls: the running ones first, then those still to open, the ended and the
 * archived ones, each with its window in words and how people take part; "Neue Umfrage" opens
 * the form.
 */
export class SrManagePolls extends ManageElement {
  static override properties: PropertyDeclarations = {
    me: { attribute: false },
    organizationId: { attribute: false },
  };

  declare me: Me | undefined;
  declare organizationId: string;

  readonly #polls = this.fetchTask({
    args: () => [this.organizationId] as const,
    fetch: (hub, [organizationId], signal) => organizationPolls(hub, organizationId, signal),
  });

  constructor() {
    super();
    this.organizationId = '';
  }

  protected override render(): TemplateResult {
    return html`${organizationHeader(this.me, this.organizationId, 'polls', msg('Umfragen'))}
      <p class="lead">${msg('Fragen Sie die Bürgerinnen und Bürger: online, mit Teilnahmecodes auf Papier und mit Zählungen aus Versammlungen, zusammen in einem Ergebnis.')}</p>
      <p><a class="button primary" href=${itemPath(this.organizationId, 'poll')}>${msg('Neue Umfrage')}</a></p>
      ${this.#polls.render({
        skeleton: () => html`<p>${skeletonText('40ch')}</p><p>${skeletonText('40ch')}</p>`,
        emptyText: msg('Ihre Organisation hat noch keine Umfrage. Mit „Neue Umfrage“ legen Sie die erste an.'),
        complete: (polls) =>
          groups.map((status) => {
            const inGroup = polls.filter((poll) => poll.status === status);
            if (inGroup.length === 0) return nothing;
            return html`<h2 id="group-${status}">${groupHeading(status)}</h2>
              <ul class="list" aria-labelledby="group-${status}">
                ${inGroup.map((poll) => this.#poll(poll))}
              </ul>`;
          }),
      })}`;
  }

  #poll(poll: Poll): TemplateResult {
    return html`<li class="card" data-poll=${poll.id}>
      <h3><a href=${itemPath(this.organizationId, 'poll', poll.id)} dir="auto">${poll.question}</a></h3>
      <p>${poll.status === 'archived' ? msg('Archiviert.') : statusLine(poll, this.format)}</p>
      <p class="lead">
        ${poll.participation === 'codes' ? msg('Nur mit Teilnahmecode') : msg('Offen für alle')} ·
        ${poll.kind === 'single' ? msg('eine Antwort') : msg('mehrere Antworten')}
      </p>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-manage-polls': SrManagePolls;
  }
}
