import { msg, str } from '@lit/localize';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { HubClient } from '@smart-region/sdk';
import { nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { configErrorMessage, developerMessage, errorMessage, isAbort } from './errors.js';
import type { Formats } from './format.js';
import { emptyState, errorState, skeletonState, staleNotice } from './states.js';

/** How a widget reaches the Hub right now. */
export type Connection =
  | { status: 'ready'; client: HubClient; hubUrl: string | undefined }
  /** Inside an `<sr-hub>` that is not defined yet: loading, not an error. */
  | { status: 'waiting' }
  /** `hub-url` missing or invalid; a console warning said which. */
  | { status: 'misconfigured' };

/** What the task needs from its widget, given as functions because they change with every update. */
export interface HubTaskWidget {
  connection(): Connection;
  format(): Formats;
  warn(message: string): void;
}

export interface HubTaskOptions<Args extends readonly unknown[], Value> {
  /**
   * The values the request depends on: a change starts a new request and aborts the running one.
   * Compared by value, so a query object built anew in every update asks again only when it differs.
   */
  args: () => Args;
  /** Loads the data. Pass `signal` to every SDK call so an outdated request stops at once. */
  fetch: (client: HubClient, args: Args, signal: AbortSignal) => Promise<Value>;
  /** Whether there is nothing to show; by default an empty array or a page with no `items`. */
  isEmpty?: (value: Value) => boolean;
  /**
   * Whether data loaded for other `args` stays on screen while new data loads, or when loading
   * it fails (default `true`): right for a list that grows, wrong for a calendar moved to
   * another month, whose days would look empty. When `false`, the skeleton or the error shows.
   */
  keepForOtherArgs?: boolean;
}

export interface HubTaskView<Value> {
  /** The content's layout with placeholders (`skeletonText`), so nothing moves when data arrives. */
  skeleton: () => TemplateResult;
  /** The content. */
  complete: (value: Value) => unknown;
  /** What to say when there is nothing to show; a generic sentence by default. */
  emptyText?: string;
}

/** Data as loaded: when, and for which arguments. */
interface Loaded<Args, Value> {
  value: Value;
  loadedAt: Date;
  args: Args;
}

/**
 * Whether two sets of plain data (queries, ids, numbers) are equal, compared as JSON: `@lit/task`
 * loads again only when its arguments differ, and a query object built anew in every update is
 * the same query.
 */
export const sameValues = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function hasNoItems(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  const items = (value as { items?: unknown } | null)?.items;
  return Array.isArray(items) && items.length === 0;
}

/**
 * Loads a widget's data from the Hub with `@lit/task` and shows every state of it the same way
 * in all widgets: a skeleton while loading, an error with retry, an empty state, and the last
 * data with a notice when the reader went offline or a refresh failed.
 *
 * Requests are aborted when their arguments change (by `@lit/task`) and when the widget leaves
 * the page (here); a widget that comes back loads again. Back online, a failed load is retried.
 */
export class HubTask<Args extends readonly unknown[], Value> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #widget: HubTaskWidget;
  readonly #task: Task<readonly [HubClient | undefined, ...Args], Value>;
  readonly #isEmpty: (value: Value) => boolean;
  readonly #args: () => Args;
  readonly #keepForOtherArgs: boolean;
  /** The last data shown, kept when a later load fails: outdated data beats an error. */
  #last: Loaded<Args, Value> | undefined;
  /** The arguments of the latest request: what the next completed load answers. */
  #requested: Args | undefined;
  #abortedOnDisconnect = false;

  constructor(host: ReactiveControllerHost, widget: HubTaskWidget, options: HubTaskOptions<Args, Value>) {
    this.#host = host;
    this.#widget = widget;
    this.#isEmpty = options.isEmpty ?? hasNoItems;
    this.#args = options.args;
    this.#keepForOtherArgs = options.keepForOtherArgs ?? true;
    this.#task = new Task(host, {
      args: () => {
        const connection = widget.connection();
        return [connection.status === 'ready' ? connection.client : undefined, ...options.args()] as const;
      },
      argsEqual: ([client, ...args], [otherClient, ...others]) => client === otherClient && sameValues(args, others),
      task: async ([client, ...args], { signal }) => {
        if (!client) return initialState;
        this.#requested = args;
        return options.fetch(client, this.#requested, signal);
      },
      onComplete: (value) => {
        this.#last = { value, loadedAt: new Date(), args: this.#requested! };
      },
      onError: (error) => {
        if (isAbort(error)) return;
        const connection = widget.connection();
        widget.warn(developerMessage(error, connection.status === 'ready' ? connection.hubUrl : undefined));
      },
    });
    host.addController(this);
  }

  /** Loads again with the same arguments, e.g. from a retry button. */
  run(): Promise<void> {
    return this.#task.run();
  }

  /**
   * The data last loaded, `undefined` until the first load: for what shows it without the
   * states, such as the choices of a filter.
   */
  get value(): Value | undefined {
    return this.#last?.value;
  }

  /** Whether the last load failed (an abort is not a failure). */
  get failed(): boolean {
    return this.#task.status === TaskStatus.ERROR && !isAbort(this.#task.error);
  }

  /** Resolves with the data once loaded, rejects with the error when loading failed. */
  get complete(): Promise<Value> {
    return this.#task.taskComplete;
  }

  hostConnected(): void {
    addEventListener('online', this.#onOnline);
    addEventListener('offline', this.#onOffline);
    if (this.#abortedOnDisconnect) {
      this.#abortedOnDisconnect = false;
      void this.run();
    }
  }

  hostDisconnected(): void {
    removeEventListener('online', this.#onOnline);
    removeEventListener('offline', this.#onOffline);
    if (this.#task.status === TaskStatus.PENDING) {
      this.#abortedOnDisconnect = true;
      this.#task.abort();
    }
  }

  readonly #onOnline = () => {
    if (this.#task.status === TaskStatus.ERROR) void this.run();
    else this.#host.requestUpdate();
  };

  readonly #onOffline = () => this.#host.requestUpdate();

  readonly #retry = () => void this.run();

  render(view: HubTaskView<Value>): unknown {
    if (this.#widget.connection().status === 'misconfigured') return errorState(configErrorMessage(), this.#retry);
    const { status, error } = this.#task;
    const last = this.#lastShown();
    if (status === TaskStatus.COMPLETE) {
      return this.#content(view, this.#task.value as Value, navigator.onLine ? undefined : this.#staleNotice());
    }
    if (status === TaskStatus.ERROR && !isAbort(error)) {
      if (last) return this.#content(view, last.value, this.#staleNotice());
      return errorState(errorMessage(error, this.#widget.format()), this.#retry);
    }
    // Not started, loading, or aborted on the way out: what was there stays until new data comes.
    return last ? this.#content(view, last.value) : skeletonState(view.skeleton());
  }

  /** The last data, unless it answers other arguments and the widget wants those not shown. */
  #lastShown(): Loaded<Args, Value> | undefined {
    if (!this.#last || this.#keepForOtherArgs) return this.#last;
    return sameValues(this.#args(), this.#last.args) ? this.#last : undefined;
  }

  #content(view: HubTaskView<Value>, value: Value, notice?: TemplateResult): unknown {
    const body = this.#isEmpty(value) ? emptyState(view.emptyText ?? msg('Hier gibt es gerade keine Einträge.')) : view.complete(value);
    return [notice ?? nothing, body];
  }

  #staleNotice(): TemplateResult {
    const when = this.#last ? this.#widget.format().dateTime(this.#last.loadedAt) : '';
    const text = navigator.onLine
      ? msg(str`Die Daten konnten nicht aktualisiert werden. Angezeigt wird der Stand vom ${when} Uhr.`)
      : msg(str`Sie sind offline. Angezeigt wird der Stand vom ${when} Uhr.`);
    return staleNotice(text, this.#retry);
  }
}
