import { msg, str } from '@lit/localize';
import type { HubError } from '@smart-region/sdk';
import type { Formats } from './format.js';

/** What a reader sees when data could not be shown: a headline, what to do, whether retrying may help. */
export interface ErrorMessage {
  title: string;
  detail: string;
  canRetry: boolean;
}

/**
 * Duck-typed rather than `instanceof`: a client injected by the page may come from another copy
 * of the SDK, whose `HubError` is a different class with the same shape.
 */
export function isHubError(error: unknown): error is HubError {
  return error instanceof Error && error.name === 'HubError' && typeof (error as HubError).status === 'number';
}

/** An abort is not a failure: the widget moved on (new attributes, disconnected). */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * The message for a failed request. The Hub's own `title` and `detail` are technical English
 * for developers, so readers get a translated message chosen by status instead.
 */
export function errorMessage(error: unknown, format: Formats): ErrorMessage {
  const status = isHubError(error) ? error.status : undefined;
  if (status === 0 && !navigator.onLine) {
    return retryable(msg('Sie sind offline.'), msg('Sobald Ihr Gerät wieder verbunden ist, können Sie es erneut versuchen.'));
  }
  if (status === 0) {
    return retryable(
      msg('Die Daten sind gerade nicht erreichbar.'),
      msg('Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.'),
    );
  }
  if (status === 404) {
    return retryable(msg('Die Daten wurden nicht gefunden.'), msg('Vielleicht wurden sie entfernt. Bitte versuchen Sie es später erneut.'));
  }
  if (status === 429 || status === 503) {
    const retryAfter = (error as HubError).retryAfter;
    const when = retryAfter === undefined ? undefined : format.relative(new Date(Date.now() + retryAfter * 1000));
    return retryable(
      msg('Der Dienst ist gerade stark ausgelastet.'),
      when ? msg(str`Bitte versuchen Sie es ${when} erneut.`) : msg('Bitte versuchen Sie es in einem Moment erneut.'),
    );
  }
  if (status !== undefined && status >= 500) {
    return retryable(msg('Beim Server ist ein Fehler aufgetreten.'), msg('Bitte versuchen Sie es später erneut.'));
  }
  if (status !== undefined && status >= 400) {
    return retryable(
      msg('Die Anfrage konnte nicht bearbeitet werden.'),
      msg('Bitte versuchen Sie es erneut. Wenn der Fehler bleibt, wenden Sie sich bitte an die Betreiber dieser Website.'),
    );
  }
  return retryable(msg('Etwas ist schiefgelaufen.'), msg('Bitte versuchen Sie es erneut.'));
}

/** The message when the widget cannot even ask: its `hub-url` is missing or invalid. Retrying cannot help. */
export function configErrorMessage(): ErrorMessage {
  return {
    title: msg('Dieser Inhalt ist nicht richtig eingerichtet.'),
    detail: msg('Die Adresse des Datenangebots fehlt oder ist ungültig. Bitte wenden Sie sich an die Betreiber dieser Website.'),
    canRetry: false,
  };
}

function retryable(title: string, detail: string): ErrorMessage {
  return { title, detail, canRetry: true };
}

/**
 * The same failure told to the page's developer (console, English), naming the attribute to
 * check. `hubUrl` is `undefined` when the page injected its own client.
 */
export function developerMessage(error: unknown, hubUrl: string | undefined): string {
  const hub = hubUrl === undefined ? 'the Hub' : `the Hub at hub-url="${hubUrl}"`;
  if (!isHubError(error)) return `failed while loading from ${hub}: ${String(error)}`;
  if (error.status === 0) {
    return `could not reach ${hub}. Check the address, that the Hub is running, and that it allows requests from ${location.origin} (CORS).`;
  }
  const problem = [error.title, error.detail].filter(Boolean).join(' ');
  if (error.status === 404) return `${hub} answered 404 (${problem}). Check that hub-url is the Hub's address.`;
  return `${hub} answered ${error.status}: ${problem}`;
}
