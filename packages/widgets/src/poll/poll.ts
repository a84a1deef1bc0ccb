import { msg, str } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { uuid, type AttributeRules } from '../core/attributes.js';
import { isolated } from '../core/bidi.js';
import { easyReadSummary } from '../core/easy-read.js';
import { emit } from '../core/events.js';
import { FocusAfterUpdate } from '../core/focus.js';
import { printLink } from '../core/print-link.js';
import { SrElement } from '../core/sr-element.js';
import { fieldStyles } from '../core/styles.js';
import { skeletonText } from '../core/states.js';
import { voteFailure } from './messages.js';
import { CitizenWrite } from '../core/proof.js';
import { resultsView, statusLine, type Poll, type PollResults } from './results.js';
import { pollStyles } from './styles.js';

type VoteReceipt = Schema<'VoteReceipt'>;

/** What `sr-vote` tells: the vote was counted. */
export interface VoteDetail {
  pollId: string;
  choices: string[];
}

/** How often open results are refreshed while the poll is on screen. */
const refreshInterval = 30_000;

/**
 * A participation poll of a municipality: the question with its options, voting without an
 * account (with a printed participation code, or a proof of work the browser solves on its
 * own), and the results, online and in-person votes counted together.
 *
 * What an open poll (`participation: open`, a proof of work per vote) can and cannot prevent:
 * each vote costs the voter's device a few seconds of work and each proof counts once, so a
 * script casting thousands of votes is slowed down and a retried vote is counted once. It
 * cannot tell people apart: nothing about the voter is stored (no account, no cookie, no
 * storage), so after a reload, in another browser or on another device the form appears again
 * and a second vote would count. The form asks for one vote per person. Where one vote per
 * person matters, use a code poll (`participation: codes`): the organizer prints one
 * participation code per person (`POST /polls/{pollId}/codes`), and each code votes once.
 *
 * A code poll takes the code from the page's address too: a code letter's QR code opens the
 * poll's page with `#code=<CODE>` in the fragment, which browsers never send to a server, so the
 * code stays out of every log. The widget fills the code field with it and removes the fragment
 * (`history.replaceState`, keeping path and query), so the code is not bookmarked or shared by
 * accident. A `code` in the query is never read: it would have reached the server.
 *
 * @tagname sr-poll
 * @summary Participation poll: vote without an account, see online and in-person results together.
 * @attr poll-id - The poll's short code (`K7M3QP`, any case) or its id (a UUID); `GET /polls` lists both (`shortCode`, `id`).
 * @fires sr-vote - The reader's vote was counted (`detail`: `pollId`, `choices`).
 * @csspart question - The poll's question (the form's legend, or the heading of the results).
 * @csspart status - When the poll opens or closes.
 * @csspart form - The voting form.
 * @csspart option - Each option with its radio button or checkbox.
 * @csspart code - The participation code field.
 * @csspart submit-button - "Abstimmen".
 * @csspart vote-error - Why a vote was not counted.
 * @csspart once-hint - In an open poll, the request to vote only once.
 * @csspart confirmation - The thanks after voting.
 * @csspart results - The results; each bar is a `bar`, the table `results-table`.
 * @csspart bar - A result's bar.
 * @csspart results-table - The results as a table.
 * @csspart results-hidden - The note that results come after closing.
 * @csspart print - "Aushang drucken": the Hub's printable notice of the poll, in a new tab.
 * @csspart easy-read - In Leichte Sprache (`lang="de-x-ls"`): the organizer's summary in Leichter Sprache, above the description.
 * @cssprop --sr-poll-bar-color - Colour of the result bars; the primary colour by default.
 */
export class SrPoll extends SrElement {
  static override properties: PropertyDeclarations = {
    pollId: { attribute: 'poll-id' },
    chosen: { state: true, attribute: false },
    code: { state: true, attribute: false },
    tooMany: { state: true, attribute: false },
    refreshes: { state: true, attribute: false },
  };

  static override styles = [SrElement.styles, fieldStyles, pollStyles];

  static override attributeRules: AttributeRules = {
    ...SrElement.attributeRules,
    // The Hub takes either form (the contract's PollRef); anything else would only come back as a 400.
    pollId: {
      valid: (id) => uuid.test(id) || /^[A-HJKMNP-Z2-9]{6}$/i.test(id),
      problem: `is not a poll's short code (six characters, e.g. "K7M3QP") or id (a UUID), as GET /polls lists them.`,
      missing: 'has no poll-id: set poll-id="…" to the short code of a poll (e.g. "K7M3QP", listed by GET /polls).',
    },
  };

  /** See the `poll-id` attribute. */
  declare pollId: string | undefined;

  declare private chosen: string[];
  declare private code: string;
  /** The reader tried to choose more options than allowed. */
  declare private tooMany: boolean;
  /** Counts the refreshes of open results: each one loads them again. */
  declare private refreshes: number;

  /** The vote: counted once however often it is retried; polls open to everyone take a proof of work. */
  readonly #vote = new CitizenWrite<VoteReceipt>(this, {
    challenge: (pollId) => {
      if (this.#data.value?.poll.participation !== 'open' || this.connection.status !== 'ready') return undefined;
      return this.connection.client.GET('/polls/{pollId}/challenge', { params: { path: { pollId } } });
    },
    failure: (error) => {
      const failure = voteFailure(error, this.format);
      if (failure.reload) void this.#data.run();
      return failure;
    },
  });
  #timer: ReturnType<typeof setInterval> | undefined;
  readonly #focus = new FocusAfterUpdate(this);

  constructor() {
    super();
    this.chosen = [];
    this.code = '';
    this.tooMany = false;
    this.refreshes = 0;
  }

  readonly #data = this.fetchTask({
    args: () => [this.checked('pollId'), this.refreshes] as const,
    fetch: async (hub, [pollId], signal) => {
      if (!pollId) throw new TypeError('poll-id missing');
      const path = { params: { path: { pollId } }, signal };
      const [poll, results] = await Promise.all([hub.GET('/polls/{pollId}', path), hub.GET('/polls/{pollId}/results', path)]);
      // JSON: the CSV form of the results is only for organizers who ask for it (Accept: text/csv).
      return { poll, results: results as PollResults };
    },
    isEmpty: () => false,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.#timer = setInterval(() => {
      // Only what is on screen and can still change.
      if (document.visibilityState === 'visible' && this.#data.value?.poll.status === 'open') this.refreshes++;
    }, refreshInterval);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Only a poll that asks for a code takes one; any other leaves the page's fragment alone.
    if (this.#data.value?.poll.participation === 'codes') this.#takeCodeFromAddress();
  }

  /** The code from a code letter's link (`#code=<CODE>`, see the class), once. */
  #takeCodeFromAddress(): void {
    const code = new URLSearchParams(location.hash.slice(1)).get('code');
    if (!code) return;
    this.code = code;
    history.replaceState(history.state, '', location.pathname + location.search);
  }

  protected override render() {
    return this.#data.render({
      skeleton: () => html`<p class="question">${skeletonText('70%')}</p>
        <p>${skeletonText('40%')}</p>
        ${[1, 2, 3].map(() => html`<p class="option">${skeletonText('50%')}</p>`)}`,
      complete: ({ poll, results }) => this.#content(poll, results),
    });
  }

  #content(poll: Poll, results: PollResults): TemplateResult {
    const voted = this.#vote.sent(poll.id);
    const receipt = this.#vote.result(poll.id);
    // The voter's answer may carry results that the public view keeps hidden until closing.
    const shown = receipt?.results ?? results;
    const canVote = poll.status === 'open' && !voted;
    // Who asks first, as a byline: the status line ends with a full stop.
    const status = html`<p part="status" class="status">${poll.organizer.name ? html`${isolated(poll.organizer.name)} · ` : nothing}${statusLine(poll, this.format)}</p>`;
    return html`
      ${canVote ? this.#form(poll, status) : html`<h2 part="question" class="question" dir="auto">${poll.question}</h2>${this.#description(poll)}${status}`}
      ${
        voted
          ? html`<div part="confirmation" class="confirmation" role="status" tabindex="-1">
            <p><strong>${msg('Vielen Dank! Ihre Stimme wurde gezählt.')}</strong></p>
          </div>`
          : nothing
      }
      ${canVote && poll.resultsVisibility !== 'always' ? nothing : resultsView(shown, this.format)}
      ${printLink(this.hubAddress, `polls/${poll.shortCode}`)}
    `;
  }

  #description(poll: Poll): TemplateResult {
    return html`${easyReadSummary(this.locale, poll.easyReadSummary, 3)}${poll.description ? html`<p class="description" dir="auto">${poll.description}</p>` : nothing}`;
  }

  #form(poll: Poll, status: TemplateResult): TemplateResult {
    const multiple = poll.kind === 'multiple';
    const { failure, sending } = this.#vote;
    return html`<form part="form" novalidate @submit=${(event: SubmitEvent) => this.#send(event, poll)} @focusin=${() => this.#vote.prepare(poll.id)}>
      <fieldset>
        <legend part="question" class="question" dir="auto">${poll.question}</legend>
        ${this.#description(poll)} ${status}
        ${multiple ? html`<p id="choice-hint" class="hint">${msg(str`Sie können bis zu ${poll.maxChoices} Antworten wählen.`)}</p>` : nothing}
        ${poll.options.map(
          (option) => html`<label part="option" class="option">
            <input
              type=${multiple ? 'checkbox' : 'radio'}
              name="choice"
              value=${option.id}
              aria-describedby=${multiple ? 'choice-hint' : nothing}
              .checked=${this.chosen.includes(option.id)}
              @change=${(event: Event) => this.#choose(poll, option.id, event.target as HTMLInputElement)}
            />
            <span><bdi>${option.label}</bdi>${option.description ? html`<span class="hint" dir="auto">${option.description}</span>` : nothing}</span>
          </label>`,
        )}
        <p class="limit" role="status">${this.tooMany ? msg(str`Höchstens ${poll.maxChoices} Antworten möglich. Wählen Sie dafür zuerst eine andere ab.`) : ''}</p>
      </fieldset>
      ${
        poll.participation === 'codes'
          ? html`<label class="code-field">
            <span>${msg('Ihr Teilnahmecode')}</span>
            <span id="code-hint" class="hint">${msg('Er steht auf dem Zettel, den Sie erhalten haben.')}</span>
            <input part="code" name="code" autocomplete="off" spellcheck="false" aria-describedby="code-hint" .value=${this.code} @input=${(event: Event) => (this.code = (event.target as HTMLInputElement).value)} />
          </label>`
          : nothing
      }
      ${
        failure
          ? html`<div part="vote-error" class="vote-error" role="alert" tabindex="-1">
            <p><strong>${failure.title}</strong></p>
            <p>${failure.detail}</p>
          </div>`
          : nothing
      }
      <button
        part="button submit-button"
        class="button primary"
        type="submit"
        aria-disabled=${sending ? 'true' : 'false'}
        aria-describedby=${poll.participation === 'open' ? 'once-hint' : nothing}
      >
        ${sending ? msg('Ihre Stimme wird gesendet …') : failure?.canRetry ? msg('Erneut senden') : msg('Abstimmen')}
      </button>
      ${
        poll.participation === 'open'
          ? html`<p id="once-hint" part="once-hint" class="hint">${msg('Bitte stimmen Sie nur einmal ab. Ohne Anmeldung merkt sich diese Seite nicht, dass Sie abgestimmt haben.')}</p>`
          : nothing
      }
    </form>`;
  }

  #choose(poll: Poll, optionId: string, input: HTMLInputElement): void {
    this.#vote.failure = undefined;
    if (poll.kind === 'single') {
      this.chosen = [optionId];
      return;
    }
    const others = this.chosen.filter((id) => id !== optionId);
    if (input.checked && others.length >= poll.maxChoices) {
      // Unchecked again, and said why: the limit is the poll's, the reader picks what to drop.
      input.checked = false;
      this.tooMany = true;
      return;
    }
    this.tooMany = false;
    this.chosen = input.checked ? [...others, optionId] : others;
  }

  async #send(event: SubmitEvent, poll: Poll): Promise<void> {
    event.preventDefault();
    if (this.#vote.sending || this.connection.status !== 'ready') return;
    const missing =
      this.chosen.length === 0
        ? msg('Bitte wählen Sie eine Antwort.')
        : poll.participation === 'codes' && !this.code.trim()
          ? msg('Bitte geben Sie Ihren Teilnahmecode ein.')
          : '';
    if (missing) {
      this.#vote.failure = { title: missing, detail: '', canRetry: false };
      this.#focusAnswer();
      return;
    }
    const client = this.connection.client;
    const choices = [...this.chosen];
    const code = poll.participation === 'codes' ? this.code.trim() : undefined;
    const counted = await this.#vote.send(
      poll.id,
      ({ idempotencyKey, proof }) =>
        client.POST('/polls/{pollId}/votes', {
          params: { path: { pollId: poll.id }, header: { 'Idempotency-Key': idempotencyKey } },
          body: { choices, ...(code === undefined ? { proof: proof! } : { code }) },
        }),
      // A participation code stands for the voter: no proof of work with it.
      { proof: code === undefined },
    );
    this.#focusAnswer();
    if (counted) emit(this, 'sr-vote', { pollId: poll.id, choices });
  }

  /** The focus goes to what answers the vote: the thanks, or why it was not counted. */
  #focusAnswer(): void {
    this.#focus.request('[part~="confirmation"], [part~="vote-error"]');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-poll': SrPoll;
  }
  interface GlobalEventHandlersEventMap {
    'sr-vote': CustomEvent<VoteDetail>;
  }
}
