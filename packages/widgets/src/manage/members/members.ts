import { msg, str } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { ErrorMessage } from '../../core/errors.js';
import { emit } from '../../core/events.js';
import { FocusAfterUpdate } from '../../core/focus.js';
import { skeletonText } from '../../core/states.js';
import { choiceField, FormController, looksLikeEmail, textField } from '../shared/form.js';
import { roleChoices, roleLabel, type Role } from '../shared/labels.js';
import { ManageElement } from '../shared/manage-element.js';
import { organizationHeader } from '../shared/organization-nav.js';
import { isProblem } from '../shared/problems.js';
import type { Me } from '../shared/session-events.js';

type Member = Schema<'Member'>;
type Invitation = Schema<'Invitation'>;
type InviteField = 'email' | 'role';

/** "An organization always keeps an owner": the Hub's 409 `last-owner`, in words. */
function lastOwner(error: unknown): ErrorMessage | undefined {
  if (!isProblem(error, 'last-owner')) return undefined;
  return {
    title: msg('Das geht nicht: Dann hätte die Organisation niemanden mehr mit der Rolle Verwaltung.'),
    detail: msg('Geben Sie zuerst einer anderen Person die Rolle Verwaltung.'),
    canRetry: false,
  };
}

function alreadyMember(error: unknown): ErrorMessage | undefined {
  if (!isProblem(error, 'conflict') && !isProblem(error, 'already-member')) return undefined;
  return {
    title: msg('Diese Person ist schon Mitglied oder bereits eingeladen.'),
    detail: msg('Ändern Sie ihre Rolle in der Liste der Mitglieder, oder senden Sie die Einladung erneut.'),
    canRetry: false,
  };
}

/**
 * An organization's members for its owners: each with their role (change it, remove them), an
 * invitation by e-mail with a role, and the open invitations (send again, withdraw).
 */
export class SrManageMembers extends ManageElement {
  static override properties: PropertyDeclarations = {
    organizationId: { attribute: false },
    me: { attribute: false },
    roles: { state: true },
    removing: { state: true },
    inviteEmail: { state: true },
    inviteRole: { state: true },
    done: { state: true },
  };

  declare organizationId: string;
  declare me: Me | undefined;
  /** Roles chosen in the list but not saved yet, by person. */
  declare private roles: Record<string, Role>;
  /** The member whose removal waits for confirmation. */
  declare private removing: string | undefined;
  declare private inviteEmail: string;
  declare private inviteRole: Role;
  /** What the last action did, said in the status line. */
  declare private done: string | undefined;

  #reload = 0;
  readonly #focus = new FocusAfterUpdate(this);
  /** Changes in the lists (role, removal, resend, revoke): their failure shows above the members. */
  readonly #action = new FormController<never>(this, { fields: [], format: () => this.format, explain: lastOwner });
  readonly #invite = new FormController<InviteField>(this, {
    fields: ['email', 'role'],
    format: () => this.format,
    explain: alreadyMember,
  });

  readonly #members = this.fetchTask({
    args: () => [this.organizationId, this.#reload] as const,
    fetch: (hub, [organizationId], signal) =>
      hub.GET('/organizations/{organizationId}/members', { params: { path: { organizationId } }, signal }),
  });

  readonly #invitations = this.fetchTask({
    args: () => [this.organizationId, this.#reload] as const,
    fetch: (hub, [organizationId], signal) =>
      hub.GET('/organizations/{organizationId}/invitations', { params: { path: { organizationId } }, signal }),
  });

  constructor() {
    super();
    this.organizationId = '';
    this.roles = {};
    this.inviteEmail = '';
    this.inviteRole = 'editor';
  }

  protected override render(): TemplateResult {
    return html`${organizationHeader(this.me, this.organizationId, 'members', msg('Mitglieder'))}
      <div role="status" class="status">${this.done ? html`<p class="message" tabindex="-1" data-done>${this.done}</p>` : nothing}</div>
      ${this.#action.failureMessage()}
      ${this.#members.render({
        skeleton: () => html`<p>${skeletonText('40ch')}</p><p>${skeletonText('40ch')}</p>`,
        complete: ({ items }) => html`<ul class="list" aria-label=${msg('Mitglieder')}>${items.map((member) => this.#member(member))}</ul>`,
      })}
      <h2 id="invite-heading">${msg('Person einladen')}</h2>
      ${this.#inviteForm()}
      <h2>${msg('Offene Einladungen')}</h2>
      ${this.#invitations.render({
        skeleton: () => html`<p>${skeletonText('40ch')}</p>`,
        emptyText: msg('Keine offenen Einladungen.'),
        complete: ({ items }) =>
          html`<ul class="list" aria-label=${msg('Offene Einladungen')}>${items.map((invitation) => this.#invitation(invitation))}</ul>`,
      })}`;
  }

  #member(member: Member): TemplateResult {
    const { person } = member;
    const chosen = this.roles[person.id] ?? member.role;
    const selectId = `role-${person.id}`;
    const isMe = person.id === this.me?.person.id;
    return html`<li class="card" data-person=${person.email}>
      <h3 dir="auto">${person.displayName}${isMe ? html` <span class="badge">${msg('Sie')}</span>` : nothing}</h3>
      <p>${person.email} · ${msg(str`Mitglied seit ${this.format.date(new Date(member.since))}`)}</p>
      <div class="actions">
        <label for=${selectId}>${msg('Rolle')}</label>
        <select id=${selectId} @change=${(event: Event) => (this.roles = { ...this.roles, [person.id]: (event.target as HTMLSelectElement).value as Role })}>
          ${roleChoices().map(([role, label]) => html`<option value=${role} ?selected=${role === chosen}>${label}</option>`)}
        </select>
        <button class="button" type="button" ?hidden=${chosen === member.role} @click=${() => void this.#saveRole(member, chosen)}>
          ${msg('Rolle speichern')}
        </button>
        ${
          this.removing === person.id
            ? html`<span id="confirm-${person.id}">${msg(html`<bdi>${person.displayName}</bdi> wirklich entfernen?`)}</span>
              <button class="button danger" type="button" aria-describedby="confirm-${person.id}" @click=${() => void this.#remove(member)}>
                ${msg('Ja, entfernen')}
              </button>
              <button class="button" type="button" @click=${() => this.#cancelRemoving(person.id)}>${msg('Abbrechen')}</button>`
            : html`<button class="button danger" type="button" data-remove=${person.id} @click=${() => this.#askRemoving(person.id)}>
              ${msg('Entfernen')}
            </button>`
        }
      </div>
      <p class="hint">${roleChoices().find(([role]) => role === chosen)?.[2]}</p>
    </li>`;
  }

  #inviteForm(): TemplateResult {
    const labels = { email: msg('E-Mail-Adresse'), role: msg('Rolle') };
    return html`<form class="form" novalidate aria-labelledby="invite-heading" @submit=${this.#sendInvitation}>
      ${this.#invite.summary(labels)}
      ${textField(this.#invite, 'email', labels.email, this.inviteEmail, (value) => (this.inviteEmail = value), {
        type: 'email',
        autocomplete: 'off',
        required: true,
        hint: msg('Die Person bekommt einen Link per E-Mail, der 7 Tage gilt.'),
      })}
      ${choiceField(this.#invite, 'role', labels.role, this.inviteRole, roleChoices(), (value) => (this.inviteRole = value as Role))}
      ${this.#invite.failureMessage()}
      <div class="actions">${this.#invite.submitButton(msg('Einladung senden'))}</div>
    </form>`;
  }

  #invitation(invitation: Invitation): TemplateResult {
    return html`<li class="card" data-invitation=${invitation.email}>
      <h3>${invitation.email}</h3>
      <p>
        ${roleLabel(invitation.role)} ·
        ${
          invitation.expired
            ? html`<span class="badge">${msg('abgelaufen')}</span>`
            : msg(str`gilt bis ${this.format.dateTime(new Date(invitation.expiresAt))}`)
        }
        ${invitation.invitedBy ? html` · ${msg('eingeladen von')} <bdi>${invitation.invitedBy}</bdi>` : nothing}
      </p>
      <div class="actions">
        <button class="button" type="button" @click=${() => void this.#resend(invitation)}>${msg('Erneut senden')}</button>
        <button class="button danger" type="button" @click=${() => void this.#revoke(invitation)}>${msg('Zurückziehen')}</button>
      </div>
    </li>`;
  }

  #askRemoving(personId: string): void {
    this.removing = personId;
    this.#focus.request(`#confirm-${personId} ~ .button.danger`);
  }

  #cancelRemoving(personId: string): void {
    this.removing = undefined;
    this.#focus.request(`[data-remove="${personId}"]`);
  }

  /** Runs a change of the lists; on success says what it did, loads the lists again and tells the app when it concerned the person themselves. */
  async #change(send: () => Promise<unknown>, done: string, concernsMe = false): Promise<void> {
    this.done = undefined;
    const sent = await this.#action.submit(
      () => ({}),
      async () => {
        await send();
        return true;
      },
    );
    if (!sent) return;
    this.done = done;
    this.#reload++;
    this.#focus.request('[data-done]');
    if (concernsMe) emit(this, 'sr-manage-me-changed', undefined);
  }

  #saveRole(member: Member, role: Role): Promise<void> {
    const { person } = member;
    return this.#change(
      async () => {
        await this.client.PATCH('/organizations/{organizationId}/members/{personId}', {
          params: { path: { organizationId: this.organizationId, personId: person.id } },
          body: { role },
        });
        const { [person.id]: _saved, ...others } = this.roles;
        this.roles = others;
      },
      msg(str`${person.displayName} hat jetzt die Rolle ${roleLabel(role)}.`),
      person.id === this.me?.person.id,
    );
  }

  #remove(member: Member): Promise<void> {
    const { person } = member;
    this.removing = undefined;
    return this.#change(
      () =>
        this.client.DELETE('/organizations/{organizationId}/members/{personId}', {
          params: { path: { organizationId: this.organizationId, personId: person.id } },
        }),
      msg(str`${person.displayName} ist kein Mitglied mehr.`),
      person.id === this.me?.person.id,
    );
  }

  #resend(invitation: Invitation): Promise<void> {
    return this.#change(
      () =>
        this.client.POST('/organizations/{organizationId}/invitations/{invitationId}/resend', {
          params: { path: { organizationId: this.organizationId, invitationId: invitation.id } },
        }),
      msg(str`Die Einladung an ${invitation.email} wurde erneut gesendet.`),
    );
  }

  #revoke(invitation: Invitation): Promise<void> {
    return this.#change(
      () =>
        this.client.DELETE('/organizations/{organizationId}/invitations/{invitationId}', {
          params: { path: { organizationId: this.organizationId, invitationId: invitation.id } },
        }),
      msg(str`Die Einladung an ${invitation.email} wurde zurückgezogen; ihr Link gilt nicht mehr.`),
    );
  }

  readonly #sendInvitation = async (event: SubmitEvent) => {
    event.preventDefault();
    const email = this.inviteEmail.trim();
    this.done = undefined;
    const invited = await this.#invite.submit(
      () => ({ email: looksLikeEmail(email) ? undefined : msg('Bitte geben Sie eine vollständige E-Mail-Adresse an.') }),
      () =>
        this.client.POST('/organizations/{organizationId}/invitations', {
          params: { path: { organizationId: this.organizationId } },
          body: { email, role: this.inviteRole, language: this.locale },
        }),
    );
    if (!invited) return;
    this.inviteEmail = '';
    this.done = msg(str`Die Einladung an ${email} ist unterwegs.`);
    this.#reload++;
    this.#focus.request('[data-done]');
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-manage-members': SrManageMembers;
  }
}
