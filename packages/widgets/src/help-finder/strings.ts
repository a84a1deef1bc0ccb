import { msg } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';

export type Audience = Schema<'HelpAudience'>;
export type Cost = Schema<'HelpCost'>;

/** Whom offers are for, as the filter and the details name them. */
export function audienceNames(): Record<Audience, string> {
  return {
    children: msg('Kinder'),
    youth: msg('Jugendliche'),
    adults: msg('Erwachsene'),
    seniors: msg('Ältere Menschen'),
    families: msg('Familien und Eltern'),
    relatives: msg('Angehörige'),
    women: msg('Frauen'),
    men: msg('Männer'),
  };
}

export function costNames(): Record<Cost, string> {
  return { free: msg('Kostenlos'), low: msg('Geringer Eigenanteil'), fee: msg('Kostenpflichtig') };
}

/**
 * Languages offered in the region besides German, as the language filter lists them. The names
 * come from the browser (`Intl.DisplayNames`), in the reader's language.
 */
export const filterLanguages = ['en', 'tr', 'ar', 'ru', 'uk', 'fa', 'pl', 'ro', 'fr', 'es'];

// Made once per language: the filter lists every language at each render, while the reader types.
const displayNames = new Map<string, Intl.DisplayNames>();

export function languageName(tag: string, locale: string): string {
  try {
    let names = displayNames.get(locale);
    if (!names) displayNames.set(locale, (names = new Intl.DisplayNames(locale, { type: 'language' })));
    return names.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
