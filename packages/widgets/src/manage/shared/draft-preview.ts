import { msg } from '@lit/localize';
import { createHubClient, HubError, type HubClient } from '@smart-region/sdk';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { Debounce } from '../../core/debounce.js';
import type { HubTask, HubTaskOptions } from '../../core/hub-task.js';
import type { Locale } from '../../core/i18n.js';
import { skeletonText } from '../../core/states.js';
import '../../hub/define.js';

/**
 * What `answer` returns for a read that only serves a write (a proof-of-work challenge): it is
 * refused on the page, as the write would be.
 */
export const refused: unique symbol = Symbol('refused in the preview');

/** A request of the previewed widget, as the preview sees it. */
export interface WidgetRequest {
  method: string;
  url: URL;
}

export interface DraftPreviewOptions<Input, Value> {
  /** The screen's `fetchTask`: the preview loads, fails and retries like everything on the screen. */
  task: <Args extends readonly unknown[], Loaded>(options: HubTaskOptions<Args, Loaded>) => HubTask<Args, Loaded>;
  /** The form's fields as the Hub takes them; `undefined` while there is nothing to show yet. */
  input: () => Input | undefined;
  /** Asks the Hub what a save would make of `input` (the domain's `POST …/preview`). */
  load: (hub: HubClient, input: Input, signal: AbortSignal) => Promise<Value>;
  /**
   * The widget's reads of the previewed item, answered from the preview (e.g. `GET /events` with
   * its occurrences); `undefined` sends the request on to the Hub (topics, municipalities);
   * `refused` keeps it on the page. A promise of an answer, for what the preview must ask the Hub
   * first (e.g. days outside the previewed range).
   */
  answer: (value: Value, request: WidgetRequest) => unknown;
  /** The Hub's address and the page's language, for the widget's other reads and its links. */
  hubUrl: () => string;
  locale: () => Locale;
}

/** What the Hub said to the latest input: its preview, or that the form is not complete yet. */
type Outcome<Value> = { value: Value } | { incomplete: HubError } | null;

/** Typing asks for a new preview once it pauses this long. */
const typingPause = 500;

/**
 * The live preview of an edit form: the real citizen widget showing what a save would make of
 * the fields as typed now, draft or not, saved or not. The Hub makes the preview with the code
 * that saves (nothing is stored), and the widget reads it through a client of its own, inside an
 * `<sr-hub>`: its reads of the item are answered from the preview, its other reads go to the Hub,
 * and nothing it would send (a vote, a response) leaves the page.
 *
 * While the form is incomplete, the last complete preview stays, with a note.
 */
export class DraftPreview<Input, Value> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: DraftPreviewOptions<Input, Value>;
  readonly #debounce: Debounce;
  readonly #task: HubTask<readonly [string | undefined], Outcome<Value>>;
  /** The input the preview was last asked for, as JSON. */
  #asked: string | undefined;
  #started = false;
  /** The latest preview, kept while the form is incomplete; `revision` renews the widget. */
  #shown: { value: Value; revision: number } | undefined;
  #client: { key: string; client: HubClient } | undefined;

  constructor(host: ReactiveControllerHost, options: DraftPreviewOptions<Input, Value>) {
    this.#host = host;
    this.#options = options;
    this.#debounce = new Debounce(host, typingPause);
    this.#task = options.task({
      args: () => [this.#asked] as const,
      fetch: async (hub, [asked], signal): Promise<Outcome<Value>> => {
        if (asked === undefined) return null;
        try {
          const value = await options.load(hub, JSON.parse(asked) as Input, signal);
          this.#shown = { value, revision: (this.#shown?.revision ?? 0) + 1 };
          return { value };
        } catch (error) {
          // Incomplete or contradictory fields are the normal state of a form being filled in.
          if (error instanceof HubError && error.status === 422) return { incomplete: error };
          throw error;
        }
      },
      isEmpty: () => false,
    });
    host.addController(this);
  }

  hostUpdated(): void {
    const input = this.#options.input();
    const json = input === undefined ? undefined : JSON.stringify(input);
    if (json === this.#asked) {
      this.#debounce.cancel();
      return;
    }
    const ask = () => {
      this.#asked = json;
      this.#host.requestUpdate();
    };
    // The first preview comes at once; later ones when the typing pauses.
    if (this.#started) this.#debounce.run(ask);
    else {
      this.#started = true;
      ask();
    }
  }

  /** Asks again for the same fields: the stored item changed by a write of its own (e.g. marked as checked). */
  refresh(): void {
    void this.#task.run();
  }

  /** The widget showing the preview (`widget` makes its tag), or why there is none yet. */
  render(widget: (value: Value) => TemplateResult, waiting: string): unknown {
    return this.#task.render({
      skeleton: () => html`<p>${skeletonText('40ch')}</p>`,
      complete: (outcome) => {
        if (outcome === null && !this.#shown) return html`<p class="hint">${waiting}</p>`;
        const incomplete = outcome !== null && 'incomplete' in outcome;
        return [
          incomplete
            ? html`<p class="hint" data-preview-incomplete>
                ${
                  this.#shown
                    ? msg(
                        'Die Vorschau zeigt den letzten vollständigen Stand. Sie folgt Ihren Eingaben wieder, sobald alle nötigen Angaben passen.',
                      )
                    : msg('Die Vorschau erscheint, sobald alle nötigen Angaben passen.')
                }
              </p>`
            : nothing,
          this.#shown ? this.#widget(widget, this.#shown) : nothing,
        ];
      },
    });
  }

  #widget(widget: (value: Value) => TemplateResult, shown: { value: Value; revision: number }): unknown {
    const hubUrl = this.#options.hubUrl();
    return keyed(
      shown.revision,
      html`<sr-hub hub-url=${hubUrl} lang=${this.#options.locale()} .client=${this.#clientFor(hubUrl)}>${widget(shown.value)}</sr-hub>`,
    );
  }

  /** One client per Hub and language; it always answers from the latest preview. */
  #clientFor(hubUrl: string): HubClient {
    const locale = this.#options.locale();
    const key = `${locale} ${hubUrl}`;
    if (this.#client?.key !== key) {
      const client = createHubClient({ baseUrl: hubUrl, locale, retry: false, cache: false, fetch: (request) => this.#fetch(request) });
      this.#client = { key, client };
    }
    return this.#client.client;
  }

  async #fetch(request: Request): Promise<Response> {
    const shown = this.#shown;
    const answer = shown && (await this.#options.answer(shown.value, { method: request.method, url: new URL(request.url) }));
    if (answer !== undefined && answer !== refused) return Response.json(answer);
    if (answer === undefined && (request.method === 'GET' || request.method === 'HEAD')) return fetch(request);
    const refusal = { type: '/problems/preview', title: msg('In der Vorschau wird nichts gesendet.'), status: 409 };
    return Response.json(refusal, { status: 409, headers: { 'Content-Type': 'application/problem+json' } });
  }
}
