import { msg } from '@lit/localize';
import type { LookupKind } from './catalogue.js';
import type { WidgetName } from './url-state.js';

/** What each widget is, as a webmaster would look for it; also the iframe's title. */
export const widgetTitle = (widget: WidgetName): string =>
  ({
    'event-calendar': msg('Veranstaltungskalender'),
    'help-finder': msg('Hilfefinder'),
    poll: msg('Bürgerbeteiligung'),
    'volunteer-board': msg('Ehrenamtsbörse'),
  })[widget];

/** The text of the plain link (snippet c). */
export const linkText = (widget: WidgetName): string =>
  ({
    'event-calendar': msg('Veranstaltungen ansehen'),
    'help-finder': msg('Hilfe und Beratung finden'),
    poll: msg('Jetzt abstimmen'),
    'volunteer-board': msg('Ehrenamtlich mithelfen'),
  })[widget];

/** Labels of the attributes the widgets have today; another shows under its attribute name. */
export const attributeLabel = (name: string): string =>
  ({
    view: msg('Ansicht am Anfang'),
    date: msg('Erster angezeigter Tag'),
    category: msg('Nur diese Kategorie'),
    municipality: msg('Nur diese Gemeinde'),
    organization: msg('Nur diese Organisation'),
    q: msg('Nur mit diesem Suchbegriff'),
    mode: msg('Art der Suche'),
    topic: msg('Thema am Anfang'),
    audience: msg('Zielgruppe am Anfang'),
    'crisis-position': msg('Notrufnummern stehen'),
    'exit-url': msg('„Seite schnell verlassen“ führt zu'),
    'poll-id': msg('Beteiligung'),
  })[name] ?? name;

/** Values of choice attributes a webmaster reads; another shows as written. */
export const valueLabel = (value: string): string =>
  ({
    month: msg('Monat'),
    week: msg('Woche'),
    list: msg('Liste'),
    search: msg('Suche in eigenen Worten'),
    guided: msg('Schritt für Schritt'),
    top: msg('oben'),
    bottom: msg('unten'),
    children: msg('Kinder'),
    youth: msg('Jugendliche'),
    adults: msg('Erwachsene'),
    seniors: msg('Ältere Menschen'),
    families: msg('Familien'),
    relatives: msg('Angehörige'),
    women: msg('Frauen'),
    men: msg('Männer'),
  })[value] ?? value;

/** What a pick list holds, for its search field. */
export const lookupSearchLabel = (kind: LookupKind): string =>
  ({
    municipality: msg('Gemeinde suchen'),
    organization: msg('Organisation suchen'),
    topic: msg('Thema suchen'),
    category: msg('Kategorie suchen'),
    poll: msg('Beteiligung suchen'),
  })[kind];
