import { msg, str } from '@lit/localize';
import { paginate, type Schema } from '@smart-region/sdk';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { collect } from '../../core/collect.js';
import { skeletonText } from '../../core/states.js';
import { allResponses } from '../responses/response-pages.js';
import { ManageElement } from '../shared/manage-element.js';
import { itemPath, organizationPath } from '../shared/navigation.js';
import { managesResponses, membershipIn, organizationHeader } from '../shared/organization-nav.js';
import type { Me } from '../shared/session-events.js';

type VolunteerNeed = Schema<'VolunteerNeed'>;
type Group = VolunteerNeed['status'] | 'draft';

/** The groups of the list in the order a secretary works them: drafts, then what runs, then what ended. */
const groups: readonly Group[] = ['draft', 'open', 'filled', 'expired', 'closed'];

const groupOf = (need: VolunteerNeed): Group => (need.published ? need.status : 'draft');

/**
 * An organization's volunteer needs, drafts included, grouped by what they need now (drafts, open,
 * filled, expired, closed): how many people are still needed and how many new responses wait for
 * each (for roles that read responses); each links to its form, "Neues Gesuch" to an empty one.
 */
export class SrManageVolunteerNeeds extends ManageElement {
  static override properties: PropertyDeclarations = {
    me: { attribute: false },
    organizationId: { attribute: false },
  };

  static override styles = [
    ManageElement.styles,
    css`
      .card h3 {
        margin: 0;
      }
      .card h3 a {
        overflow-wrap: anywhere;
      }
      .badge.draft {
        border-style: dashed;
      }
      .waiting {
        font-weight: 700;
      }
    `,
  ];

  declare me: Me | undefined;
  /** The organization's id or slug, from the address. */
  declare organizationId: string;

  readonly #needs = this.fetchTask({
    args: () => [this.organizationId] as const,
    fetch: (hub, [organizationId], signal) =>
      collect(
        paginate(hub, '/organizations/{organizationId}/volunteer-needs', {
          params: { path: { organizationId }, query: { limit: 100 } },
          signal,
        }),
      ),
    keepForOtherArgs: false,
  });

  /** New responses per need; empty for a role that may not read responses (editors), which is not asked. */
  readonly #newResponses = this.fetchTask({
    args: () => [this.organizationId, managesResponses(membershipIn(this.me, this.organizationId)?.role)] as const,
    fetch: async (hub, [organizationId, readsResponses], signal): Promise<Map<string, number>> => {
      const counts = new Map<string, number>();
      if (!readsResponses) return counts;
      for (const response of await allResponses(hub, organizationId, { need: '', status: 'new' }, signal)) {
        counts.set(response.volunteerNeedId, (counts.get(response.volunteerNeedId) ?? 0) + 1);
      }
      return counts;
    },
    isEmpty: () => false,
    keepForOtherArgs: false,
  });

  constructor() {
    super();
    this.organizationId = '';
  }

  protected override render(): TemplateResult {
    return html`${organizationHeader(this.me, this.organizationId, 'volunteer-needs', msg('Ehrenamt'))}
      <p class="lead">${msg('Ihre Gesuche auf der Ehrenamtsbörse: wofür Sie Freiwillige suchen und wie viele noch fehlen.')}</p>
      <p><a class="button primary" href=${itemPath(this.organizationId, 'volunteer-need')}>${msg('Neues Gesuch')}</a></p>
      ${this.#needs.render({
        skeleton: () => html`<p>${skeletonText('50ch')}</p><p>${skeletonText('50ch')}</p>`,
        emptyText: msg('Noch keine Gesuche. Legen Sie mit „Neues Gesuch“ das erste an.'),
        complete: (needs) =>
          groups.map((group) =>
            this.#group(
              group,
              needs.filter((need) => groupOf(need) === group),
            ),
          ),
      })}`;
  }

  #group(group: Group, needs: VolunteerNeed[]): TemplateResult | typeof nothing {
    if (needs.length === 0) return nothing;
    const headings: Record<Group, string> = {
      draft: msg('Entwürfe'),
      open: msg('Offen'),
      filled: msg('Besetzt'),
      expired: msg('Abgelaufen'),
      closed: msg('Beendet'),
    };
    return html`<section aria-labelledby="group-${group}">
      <h2 id="group-${group}">${headings[group]} (${needs.length})</h2>
      <ul class="list">
        ${needs.map((need) => this.#need(need))}
      </ul>
    </section>`;
  }

  #need(need: VolunteerNeed): TemplateResult {
    const waiting = this.#newResponses.value?.get(need.id) ?? 0;
    return html`<li class="card" data-need=${need.id}>
      <div class="card-head">
        <h3 dir="auto"><a href=${itemPath(this.organizationId, 'volunteer-need', need.id)}>${need.title}</a></h3>
        ${need.published ? (need.urgent ? html`<span class="badge">${msg('dringend')}</span>` : nothing) : html`<span class="badge draft">${msg('Entwurf')}</span>`}
      </div>
      <p>${this.#when(need)}</p>
      <p>${this.#people(need)}</p>
      ${
        waiting > 0
          ? html`<p class="waiting">
            <a href=${organizationPath(this.organizationId, 'responses')}>${waiting === 1 ? msg('1 neue Rückmeldung') : msg(str`${waiting} neue Rückmeldungen`)}</a>
          </p>`
          : nothing
      }
    </li>`;
  }

  /** Who is still missing while the need runs; who came, once it ended. */
  #people(need: VolunteerNeed): string {
    if (need.peopleStillNeeded === 0) return msg(str`Alle ${need.peopleNeeded} Plätze sind besetzt.`);
    if (need.status === 'expired' || need.status === 'closed') {
      return msg(str`${need.peopleNeeded - need.peopleStillNeeded} von ${need.peopleNeeded} Personen angenommen.`);
    }
    return msg(str`Noch ${need.peopleStillNeeded} von ${need.peopleNeeded} Personen gesucht.`);
  }

  #when(need: VolunteerNeed): string {
    if (need.ongoing || !need.startsAt || !need.endsAt) return msg('Laufend, ohne festes Ende');
    return this.format.dateRange(new Date(need.startsAt), new Date(need.endsAt));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-manage-volunteer-needs': SrManageVolunteerNeeds;
  }
}
