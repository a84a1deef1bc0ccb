import { msg, str } from '@lit/localize';
import { versionOf, type Schema } from '@smart-region/sdk';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { FocusAfterUpdate } from '../../core/focus.js';
import { skeletonText } from '../../core/states.js';
import '../../poll/define.js';
import { resultsView, statusLine } from '../../poll/results.js';
import { pollStyles } from '../../poll/styles.js';
import { saveFile } from '../responses/save-file.js';
import { DraftPreview } from '../shared/draft-preview.js';
import { embedLink } from '../shared/embed-link.js';
import { newTab, printLink, printUrl } from '../shared/print-link.js';
import { FormController, textField } from '../shared/form.js';
import { ManageElement } from '../shared/manage-element.js';
import { allMunicipalities } from '../shared/municipalities.js';
import { itemPath, navigate } from '../shared/navigation.js';
import { membershipIn, organizationHeader } from '../shared/organization-nav.js';
import type { Me } from '../shared/session-events.js';
import { PollEditor, type PollLocks } from './poll-form.js';
import { answerPoll } from './poll-preview.js';
import { tallyList, TallyEditor } from './tallies.js';

type Poll = Schema<'Poll'>;
type PollResults = Schema<'PollResults'>;
type PollTally = Schema<'PollTally'>;
type PollPreviewRequest = Schema<'PollPreviewRequest'>;

/** Whether the role holds `poll-codes:manage` (the Hub's role table): codes and tallies are for coordinators and owners. */
const runsCounts = (me: Me | undefined, organizationId: string): boolean => {
  const role = membershipIn(me, organizationId)?.role;
  return role === 'coordinator' || role === 'owner';
};

/** The most letters the Hub prints in one job (`print/letters.ts`). */
const MAX_LETTERS = 2000;

/** Codes made in this visit: the Hub keeps only their hashes, so this is the one copy besides the file. */
interface MadeCodes {
  csv: string;
  codes: string[];
}

/**
 * One poll of an organization: a new one's form, or a saved one to run — the results as the public
 * sees them (online, in person, postal, total, share) with a CSV export; participation codes made
 * and downloaded for a mail merge; tallies from meetings and postal ballots, corrected with their
 * history; closing early; the settings the Hub still lets change; and the poll widget showing
 * the settings as typed, saved or not.
 */
export class SrManagePoll extends ManageElement {
  static override properties: PropertyDeclarations = {
    me: { attribute: false },
    organizationId: { attribute: false },
    itemId: { attribute: false },
    saved: { state: true },
    reload: { state: true },
    confirmClose: { state: true },
    codeCount: { state: true },
    codes: { state: true },
    done: { state: true },
  };

  static override styles = [
    pollStyles,
    ManageElement.styles,
    css`
      .options {
        display: grid;
        gap: var(--_space-3);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .counts {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
        gap: var(--_space-3);
      }
      /* Labels of different lengths: the inputs of a row still line up. */
      .counts > .field {
        grid-template-rows: 1fr auto;
      }
      .said {
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
      section {
        max-inline-size: 48rem;
      }
      .preview {
        padding: var(--_space-4);
        border: 1px dashed var(--_color-divider);
        border-radius: var(--_radius);
      }
    `,
  ];

  declare me: Me | undefined;
  declare organizationId: string;
  /** The item to edit; `undefined` for a new one. */
  declare itemId: string | undefined;
  /** The poll as the Hub answered the last change (it carries the new version). */
  declare private saved: Poll | undefined;
  /** Counts changed: the results and tallies load again. */
  declare private reload: number;
  declare private confirmClose: boolean;
  declare private codeCount: string;
  declare private codes: MadeCodes | undefined;
  /** What the last action did, said in the status line. */
  declare private done: string | undefined;

  /** The poll whose settings the form shows, so a reload does not overwrite what is being typed. */
  #shownInForm: string | undefined;
  readonly #focus = new FocusAfterUpdate(this);
  readonly #editor = new PollEditor(
    this,
    () => this.format,
    () => this.resolveTimeZone(),
    () => void this.#showCurrentPoll(),
  );
  readonly #tally = new TallyEditor(
    this,
    () => this.format,
    () => void this.#showCurrentTallies(),
  );
  readonly #codesForm = new FormController<'codeCount'>(this, { fields: ['codeCount'], format: () => this.format });
  /** Closing, downloads: their failure shows where they were asked for. */
  readonly #action = new FormController<never>(this, {
    fields: [],
    format: () => this.format,
    onStale: () => void this.#showCurrentPoll(),
  });

  /** The form was complete once: from then on each change is previewed, an incomplete one with a note. */
  #completeOnce = false;
  /** The poll widget with the settings as typed, as voters will see it. */
  readonly #preview = new DraftPreview(this, {
    task: (options) => this.fetchTask(options),
    input: () => this.#previewRequest(),
    load: (hub, body: PollPreviewRequest, signal) =>
      hub.POST('/organizations/{organizationId}/polls/preview', {
        params: { path: { organizationId: this.organizationId } },
        body,
        signal,
      }),
    answer: answerPoll,
    hubUrl: () => this.hubUrl ?? location.origin,
    locale: () => this.locale,
  });

  readonly #municipalities = this.fetchTask({
    args: () => [] as const,
    fetch: (hub, _args, signal) => allMunicipalities(hub, signal),
    isEmpty: () => false,
  });

  readonly #poll = this.fetchTask({
    args: () => [this.itemId] as const,
    fetch: async (hub, [pollId], signal): Promise<Poll | null> => {
      if (pollId === undefined) return null;
      const poll = await hub.GET('/polls/{pollId}', { params: { path: { pollId } }, signal });
      if (this.#shownInForm !== poll.id) {
        this.#shownInForm = poll.id;
        this.#editor.load(poll);
        this.#tally.start();
      }
      return poll;
    },
    isEmpty: () => false,
    keepForOtherArgs: false,
  });

  readonly #results = this.fetchTask({
    args: () => [this.itemId, this.reload] as const,
    fetch: async (hub, [pollId], signal): Promise<PollResults | null> =>
      // JSON: only the download asks for the CSV form (Accept: text/csv).
      pollId === undefined ? null : ((await hub.GET('/polls/{pollId}/results', { params: { path: { pollId } }, signal })) as PollResults),
    isEmpty: () => false,
  });

  readonly #tallies = this.fetchTask({
    args: () => [this.itemId, this.reload, runsCounts(this.me, this.organizationId)] as const,
    fetch: async (hub, [pollId, , allowed], signal): Promise<PollTally[]> =>
      pollId === undefined || !allowed ? [] : (await hub.GET('/polls/{pollId}/tallies', { params: { path: { pollId } }, signal })).items,
    isEmpty: () => false,
  });

  constructor() {
    super();
    this.organizationId = '';
    this.reload = 0;
    this.confirmClose = false;
    this.codeCount = '50';
  }

  /** The poll as last answered: the save's answer, else the load's. */
  get #current(): Poll | undefined {
    const loaded = this.#poll.value ?? undefined;
    if (this.saved && this.saved.id === loaded?.id) return this.saved;
    return loaded ?? this.saved;
  }

  /**
   * What a save would make of the form, shown from the opening on (or now, once it has opened):
   * the ballot as voters will see it. Nothing until the form was complete once.
   */
  #previewRequest(): PollPreviewRequest | undefined {
    this.#completeOnce ||= Object.keys(this.#editor.check()).length === 0;
    if (!this.#completeOnce) return undefined;
    const poll = this.#editor.body();
    const { opensAt } = poll;
    return { poll, replaces: this.itemId, ...(opensAt && Date.parse(opensAt) > Date.now() ? { at: opensAt } : {}) };
  }

  protected override render(): TemplateResult {
    if (this.itemId === undefined) {
      return html`${organizationHeader(this.me, this.organizationId, 'polls', msg('Neue Umfrage'))}
        <p class="lead">${msg('Nach dem Anlegen erzeugen Sie hier Teilnahmecodes, tragen Zählungen ein und sehen das Ergebnis.')}</p>
        ${this.#settingsForm(undefined)} ${this.#previewSection(undefined)}`;
    }
    return html`${organizationHeader(this.me, this.organizationId, 'polls', msg('Umfrage'))}
      ${this.#poll.render({
        skeleton: () => html`<p>${skeletonText('50ch')}</p><p>${skeletonText('30ch')}</p>`,
        complete: () => {
          const poll = this.#current;
          return poll ? this.#run(poll) : nothing;
        },
      })}`;
  }

  #run(poll: Poll): TemplateResult {
    const counts = runsCounts(this.me, this.organizationId);
    return html`<h2 class="question" dir="auto">${poll.question}</h2>
      ${poll.description ? html`<p class="said" dir="auto">${poll.description}</p>` : nothing}
      <p>${poll.status === 'archived' ? msg('Archiviert.') : statusLine(poll, this.format)}</p>
      <div role="status">${this.done ? html`<p class="message">${this.done}</p>` : nothing}</div>
      <section aria-labelledby="results-title">
        <h2 id="results-title">${msg('Ergebnis')}</h2>
        <p class="lead">${msg('So, wie die Öffentlichkeit es sieht, sobald die Ergebnisse sichtbar sind: online, vor Ort und per Post zusammen.')}</p>
        ${this.#results.render({
          skeleton: () => html`<p>${skeletonText('40ch')}</p>`,
          complete: (results) => (results ? resultsView(results, this.format) : nothing),
        })}
        ${this.#action.failureMessage()}
        <div class="actions">
          <button class="button" type="button" @click=${() => void this.#downloadResults(poll)}>${msg('Ergebnis als CSV-Datei herunterladen')}</button>
          ${poll.status === 'open' || poll.status === 'draft' ? this.#closeEarly(poll) : nothing}
        </div>
      </section>
      ${poll.participation === 'codes' && counts ? this.#codesSection(poll) : nothing}
      ${counts ? this.#talliesSection(poll) : nothing}
      <section aria-labelledby="settings-title">
        <h2 id="settings-title">${msg('Einstellungen')}</h2>
        ${this.#settingsForm(poll)}
      </section>
      ${this.#previewSection(poll)}`;
  }

  #previewSection(poll: Poll | undefined): TemplateResult {
    return html`<section aria-labelledby="preview-title">
      <h2 id="preview-title">${msg('Vorschau auf Ihrer Website')}</h2>
      <p class="lead">
        ${msg('So erscheint die Umfrage auf Ihrer Website: mit Ihren Eingaben, auch ungespeicherten, und so, wie Abstimmende sie ab dem Beginn sehen. Abstimmen lässt sich in der Vorschau nicht.')}
        ${poll ? nothing : msg('Auf der Website erscheint sie erst, wenn Sie sie anlegen.')}
      </p>
      ${this.#preview.render(
        (preview) => html`<div class="preview"><sr-poll poll-id=${preview.poll.id}></sr-poll></div>`,
        msg('Die Vorschau erscheint, sobald Frage, Antworten und Zeitraum angegeben sind.'),
      )}
      ${poll ? html`${embedLink('poll', { 'poll-id': poll.shortCode })} ${printLink('polls', poll.shortCode)}` : nothing}
    </section>`;
  }

  #closeEarly(poll: Poll): TemplateResult {
    if (!this.confirmClose) {
      return html`<button class="button danger" type="button" @click=${() => this.#askClose()}>${msg('Umfrage jetzt beenden')}</button>`;
    }
    return html`<div class="message danger" id="confirm-close" role="alertdialog" aria-labelledby="confirm-close-text" tabindex="-1">
      <p id="confirm-close-text">
        <strong>${msg('Umfrage wirklich jetzt beenden?')}</strong>
        ${msg('Danach kann niemand mehr abstimmen, und eine beendete Umfrage lässt sich nicht wieder öffnen. Zählungen können Sie weiter eintragen.')}
      </p>
      <div class="actions">
        <button class="button danger" type="button" @click=${() => void this.#close(poll)}>${msg('Ja, jetzt beenden')}</button>
        <button class="button" type="button" @click=${() => (this.confirmClose = false)}>${msg('Abbrechen')}</button>
      </div>
    </div>`;
  }

  #askClose(): void {
    this.confirmClose = true;
    this.#focus.request('#confirm-close');
  }

  async #close(poll: Poll): Promise<void> {
    const closed = await this.#action.submit(
      () => ({}),
      () =>
        this.client.PATCH('/polls/{pollId}', {
          params: { path: { pollId: poll.id }, header: { 'If-Match': versionOf(poll) } },
          body: { status: 'closed' },
        }),
    );
    if (!closed) return;
    this.confirmClose = false;
    this.saved = closed;
    this.reload++;
    this.done = msg('Die Umfrage ist beendet. Es kann niemand mehr abstimmen.');
  }

  /**
   * The poll as stored now above the form (question, window, results), after someone else saved it
   * meanwhile; the form keeps what was typed, and its next save replaces that version knowingly.
   */
  async #showCurrentPoll(): Promise<void> {
    const pollId = this.itemId;
    if (pollId === undefined) return;
    this.saved = await this.client.GET('/polls/{pollId}', { params: { path: { pollId } } });
    this.reload++;
    this.done = msg('Oben steht jetzt die aktuelle Fassung der Umfrage; Ihre Eingaben sind im Formular geblieben.');
  }

  /** The tallies as stored now, after someone else corrected the one being corrected here. */
  async #showCurrentTallies(): Promise<void> {
    const pollId = this.itemId;
    const editing = this.#tally.editing;
    if (pollId === undefined || !editing) return;
    const { items } = await this.client.GET('/polls/{pollId}/tallies', { params: { path: { pollId } } });
    const current = items.find(({ id }) => id === editing.id);
    if (current) this.#tally.overtaken(current);
    this.reload++;
    this.done = msg('Die Liste zeigt jetzt die aktuelle Fassung der Zählung; Ihre Eingaben sind im Formular geblieben.');
  }

  #settingsForm(poll: Poll | undefined): TemplateResult {
    const form = this.#editor.form;
    const locks: PollLocks | undefined = poll && {
      counted: (this.#results.value?.participants?.total ?? 0) > 0,
      opened: poll.status !== 'draft',
      ended: poll.status === 'closed' || poll.status === 'archived',
    };
    return html`<form class="form" novalidate @submit=${(event: Event) => void this.#save(event, poll)}>
      ${form.summary(this.#editor.labels())}
      ${this.#editor.render(this.#municipalities.value ?? [], locks)}
      ${form.failureMessage()}
      <div class="actions">${form.submitButton(poll ? msg('Änderungen speichern') : msg('Umfrage anlegen'), msg('Wird gespeichert …'))}</div>
    </form>`;
  }

  async #save(event: Event, poll: Poll | undefined): Promise<void> {
    event.preventDefault();
    this.done = undefined;
    const body = this.#editor.body.bind(this.#editor);
    const answer = await this.#editor.form.submit(
      () => this.#editor.check(),
      () =>
        poll
          ? this.client.PATCH('/polls/{pollId}', {
              params: { path: { pollId: poll.id }, header: { 'If-Match': versionOf(poll) } },
              body: body(),
            })
          : this.client.POST('/organizations/{organizationId}/polls', {
              params: { path: { organizationId: this.organizationId } },
              body: body(),
            }),
    );
    if (!answer) return;
    // A change's answer carries the new version (ETag); a creation's does not, so the new poll's
    // screen loads it (with its version) instead.
    this.saved = poll ? answer : undefined;
    this.#shownInForm = answer.id;
    this.#editor.load(answer);
    this.#tally.start();
    if (poll) {
      this.done = msg('Die Änderungen sind gespeichert.');
      return;
    }
    this.done = msg('Die Umfrage ist angelegt.');
    navigate(itemPath(this.organizationId, 'poll', answer.id), { replace: true });
  }

  #codesSection(poll: Poll): TemplateResult {
    const canMake = poll.status === 'draft' || poll.status === 'open';
    return html`<section aria-labelledby="codes-title">
      <h2 id="codes-title">${msg('Teilnahmecodes')}</h2>
      <p>${msg('Jeder Code zählt genau eine Stimme. Sie erhalten die Codes als CSV-Datei für einen Serienbrief. Der Hub speichert sie nur unkenntlich gemacht und zeigt sie nur dieses eine Mal: Bewahren Sie die Datei gut auf.')}</p>
      ${
        this.codes
          ? html`<div class="message">
            <p>${msg(str`${this.format.number(this.codes.codes.length)} Codes sind erzeugt und als CSV-Datei heruntergeladen.`)}</p>
            <p><button class="button" type="button" @click=${() => this.#saveCodes(poll, this.codes!)}>${msg('Datei noch einmal speichern')}</button></p>
            ${this.#lettersForm(poll, this.codes)}
          </div>`
          : nothing
      }
      ${
        canMake
          ? html`<form class="form" novalidate @submit=${(event: Event) => void this.#makeCodes(event, poll)}>
            ${this.#codesForm.summary({ codeCount: msg('Anzahl der Codes') })}
            ${textField(this.#codesForm, 'codeCount', msg('Anzahl der Codes'), this.codeCount, (value) => (this.codeCount = value), {
              type: 'number',
              required: true,
              hint: msg(
                'Z. B. eine je Haushalt oder je Person, die Post bekommt; höchstens 5.000 auf einmal. Weitere Codes können Sie später erzeugen.',
              ),
            })}
            ${this.#codesForm.failureMessage()}
            <div class="actions">${this.#codesForm.submitButton(msg('Codes erzeugen und herunterladen'), msg('Codes werden erzeugt …'))}</div>
          </form>`
          : html`<p>${msg('Die Umfrage ist beendet; neue Codes könnten nicht mehr abstimmen.')}</p>`
      }
    </section>`;
  }

  async #makeCodes(event: Event, poll: Poll): Promise<void> {
    event.preventDefault();
    this.done = undefined;
    const count = Number(this.codeCount);
    const csv = await this.#codesForm.submit(
      () => (Number.isInteger(count) && count >= 1 && count <= 5000 ? {} : { codeCount: msg('Bitte eine ganze Zahl von 1 bis 5.000.') }),
      () =>
        this.client.POST('/polls/{pollId}/codes', {
          params: { path: { pollId: poll.id } },
          body: { count },
          headers: { Accept: 'text/csv' },
          parseAs: 'text',
        }),
    );
    if (csv === undefined) return;
    // One code a line below the header row.
    this.codes = { csv, codes: csv.trim().split(/\r?\n/).slice(1) };
    this.#saveCodes(poll, this.codes);
  }

  /**
   * The second way to hand codes out: the Hub's letters, one per code, printed from a new tab. A
   * native form posts the codes in its body, so they never stand in an address (history, logs).
   */
  #lettersForm(poll: Poll, made: MadeCodes): TemplateResult {
    if (made.codes.length > MAX_LETTERS) {
      return html`<p>${msg('Als Briefe drucken lassen sich höchstens 2.000 Codes auf einmal: Erzeugen Sie die Codes dafür in kleineren Mengen.')}</p>`;
    }
    return html`<form class="form" method="post" action=${`${printUrl('polls', poll.id)}/letters`} target="_blank" aria-labelledby="letters-title">
      <h3 id="letters-title">${msg('Als Briefe drucken')}</h3>
      <p>${msg('Ein Brief je Code, mit der Frage, dem Code in großer Schrift und einem QR-Code, der die Umfrage mit dem Code öffnet. Drucken Sie die Briefe aus dem neuen Tab oder speichern Sie sie dort als PDF.')}</p>
      <input type="hidden" name="codes" .value=${made.codes.join('\n')} />
      <fieldset class="field">
        <legend>${msg('Papierformat')}</legend>
        <div class="choice">
          <input type="radio" name="format" id="letters-a4" value="a4" checked />
          <label for="letters-a4">${msg('A4: ein Brief je Blatt')}</label>
        </div>
        <div class="choice">
          <input type="radio" name="format" id="letters-a5" value="a5" />
          <label for="letters-a5">${msg('A5: zwei Briefe je A4-Blatt, zum Auseinanderschneiden')}</label>
        </div>
      </fieldset>
      <div class="actions"><button class="button" type="submit">${msg('Briefe drucken')} ${newTab()}</button></div>
    </form>`;
  }

  #saveCodes(poll: Poll, codes: MadeCodes): void {
    saveFile(`teilnahmecodes-${poll.shortCode}-${this.format.day(new Date())}.csv`, 'text/csv;charset=utf-8', codes.csv);
  }

  async #downloadResults(poll: Poll): Promise<void> {
    this.done = undefined;
    const csv = await this.#action.submit(
      () => ({}),
      () =>
        this.client.GET('/polls/{pollId}/results', {
          params: { path: { pollId: poll.id } },
          headers: { Accept: 'text/csv' },
          parseAs: 'text',
        }),
    );
    if (csv === undefined) return;
    saveFile(`ergebnis-${poll.shortCode}-${this.format.day(new Date())}.csv`, 'text/csv;charset=utf-8', csv);
    this.done = msg('Das Ergebnis ist als CSV-Datei heruntergeladen.');
  }

  #talliesSection(poll: Poll): TemplateResult {
    const editing = this.#tally.editing;
    const form = this.#tally.form;
    return html`<section aria-labelledby="tallies-title">
      <h2 id="tallies-title">${msg('Zählungen vor Ort und per Post')}</h2>
      <p class="lead">${msg('Stimmen aus Versammlungen und Briefen zählen im Ergebnis neben den Online-Stimmen. Eine Korrektur ersetzt die Zahlen; die frühere Fassung bleibt im Verlauf.')}</p>
      ${this.#tallies.render({
        skeleton: () => html`<p>${skeletonText('40ch')}</p>`,
        complete: (tallies) => tallyList(poll, tallies, this.format, (tally) => this.#editTally(tally)),
      })}
      <h3 id="tally-form-title" tabindex="-1">
        ${editing ? msg(str`Zählung korrigieren: ${editing.place}`) : msg('Neue Zählung eintragen')}
      </h3>
      <form class="form" novalidate aria-labelledby="tally-form-title" @submit=${(event: Event) => void this.#saveTally(event, poll)}>
        ${form.summary(this.#tally.labels())}
        ${this.#tally.render(poll)}
        ${form.failureMessage()}
        <div class="actions">
          ${form.submitButton(editing ? msg('Korrektur speichern') : msg('Zählung speichern'), msg('Wird gespeichert …'))}
          ${
            editing
              ? html`<button class="button" type="button" @click=${() => (this.#tally.start(), this.requestUpdate())}>${msg('Korrektur abbrechen')}</button>`
              : nothing
          }
        </div>
      </form>
    </section>`;
  }

  #editTally(tally: PollTally): void {
    this.#tally.edit(tally);
    this.done = undefined;
    this.requestUpdate();
    this.#focus.request('#tally-form-title');
  }

  async #saveTally(event: Event, poll: Poll): Promise<void> {
    event.preventDefault();
    this.done = undefined;
    const editing = this.#tally.editing;
    const saved = await this.#tally.form.submit(
      () => this.#tally.check(poll),
      () =>
        editing
          ? this.client.PATCH('/polls/{pollId}/tallies/{tallyId}', {
              params: { path: { pollId: poll.id, tallyId: editing.id }, header: { 'If-Match': versionOf(editing) } },
              body: this.#tally.body(poll),
            })
          : this.client.POST('/polls/{pollId}/tallies', { params: { path: { pollId: poll.id } }, body: this.#tally.body(poll) }),
    );
    if (!saved) return;
    this.#tally.start();
    this.reload++;
    this.done = editing
      ? msg(str`Die Zählung „${saved.place}“ ist korrigiert (Fassung ${saved.revision}).`)
      : msg(str`Die Zählung „${saved.place}“ ist gespeichert und zählt im Ergebnis mit.`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-manage-poll': SrManagePoll;
  }
}
