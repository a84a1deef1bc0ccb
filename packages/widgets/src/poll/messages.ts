import { msg } from '@lit/localize';
import { errorMessage, isHubError } from '../core/errors.js';
import type { Formats } from '../core/format.js';
import { notSentFailure, type WriteFailure } from '../core/proof.js';

/** What a refused vote means for the voter, by the Hub's problem type. */
export type VoteFailure = WriteFailure & {
  /** The poll changed (closed, …): load it again. */
  reload?: boolean;
};

/**
 * A vote that failed, said so that the voter knows what happened and what to do. The
 * selection is kept in every case; only a counted vote ends the form.
 */
export function voteFailure(error: unknown, format: Formats): VoteFailure {
  const type = isHubError(error) ? error.type : '';
  const kept = msg('Ihre Auswahl ist noch da.');
  switch (type.replace(/^.*\/problems\//, '')) {
    case 'code-already-used':
      return {
        title: msg('Dieser Code wurde schon zum Abstimmen verwendet.'),
        detail: msg('Jeder Code gilt für eine Stimme. Haben Sie einen anderen Code, geben Sie ihn ein.'),
        canRetry: false,
      };
    case 'unknown-code':
      return {
        title: msg('Diesen Code gibt es für diese Abstimmung nicht.'),
        detail: msg('Bitte prüfen Sie ihn auf Tippfehler und versuchen Sie es erneut.'),
        canRetry: false,
      };
    case 'poll-not-open':
      return {
        title: msg('Die Abstimmung nimmt gerade keine Stimmen an.'),
        detail: msg('Sie hat noch nicht begonnen oder ist schon beendet.'),
        canRetry: false,
        reload: true,
      };
    case 'idempotency-key-reused':
      return {
        title: msg('Ihre Stimme wurde bereits gezählt.'),
        detail: msg('Sie hatten schon abgestimmt, bevor die Verbindung abbrach.'),
        canRetry: false,
        sent: true,
      };
    case 'validation-failed':
      return {
        title: msg('Diese Auswahl ist nicht möglich.'),
        detail: `${kept} ${msg('Bitte prüfen Sie die Anzahl der Antworten.')}`,
        canRetry: false,
      };
    case 'preview':
      // Kept on the page by the live preview of the pages for organizations, which says why in the editor's language.
      return { title: (error as { title: string }).title, detail: kept, canRetry: false };
    default:
      return notSentFailure(errorMessage(error, format), msg('Ihre Stimme wurde nicht gezählt.'), kept);
  }
}
