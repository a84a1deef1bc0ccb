import { msg, str } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';

type Subscription = Schema<'CalendarSubscription'>;

/** A subscription's status in words. */
export function subscriptionStatus(status: Subscription['status']): string {
  switch (status) {
    case 'ok':
      return msg('Abruf in Ordnung');
    case 'failed':
      return msg('Letzter Abruf fehlgeschlagen');
    case 'pending':
      return msg('Noch nicht abgerufen');
  }
}

/** Why a fetch changed nothing, in words a club's secretary can act on. */
export function subscriptionFailure(kind: NonNullable<Subscription['lastError']>['kind']): string {
  switch (kind) {
    case 'unreachable':
      return msg('Die Adresse war nicht erreichbar. Prüfen Sie, ob sie stimmt und ob die Website gerade erreichbar ist.');
    case 'http-status':
      return msg('Der Server hat mit einem Fehler geantwortet, z. B. „nicht gefunden“. Prüfen Sie die Adresse.');
    case 'not-icalendar':
      return msg(
        'Unter dieser Adresse liegt keine Kalenderdatei (iCalendar), sondern z. B. eine Webseite. Nehmen Sie den Abonnement- oder ICS-Link.',
      );
    case 'invalid':
      return msg(
        'Die Kalenderdatei hat fehlerhafte Zeilen. Korrigieren Sie die Termine in Ihrem Kalender und rufen Sie ihn dann erneut ab.',
      );
    case 'too-large':
      return msg('Die Kalenderdatei ist größer als 5 MiB.');
  }
}

/** What an import changed: "3 neu, 1 geändert, 5 unverändert, 0 entfernt". */
export function importSummary({ created, updated, unchanged, removed }: Schema<'CalendarImportResult'>): string {
  return msg(str`${created} neu, ${updated} geändert, ${unchanged} unverändert, ${removed} entfernt`);
}
