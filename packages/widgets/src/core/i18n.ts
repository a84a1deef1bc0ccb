import { allLocales, sourceLocale } from '../generated/locale-codes.js';
import { selfAndAncestors } from './dom.js';

/** A language the widgets speak: `de` (the source language) or a translation (`en`, `de-x-ls`). */
export type Locale = (typeof allLocales)[number];

/**
 * Leichte Sprache (easy-read German, BITV 2.0 Anlage 2) as a private-use tag: `de-x-ls`, also
 * with a region (`de-DE-x-ls`). Checked before the primary subtag, which would make it `de`.
 */
const easyRead = /^de(?:[-_][a-z]{2})?[-_]x[-_]ls$/;

/**
 * The language from a `lang` value (`en-GB` → `en`, `de-DE-x-ls` → `de-x-ls`), or `undefined`
 * when we have no translation.
 */
export function supportedLocale(lang: string | null | undefined): Locale | undefined {
  const tag = lang?.trim().toLowerCase();
  if (tag && easyRead.test(tag)) return 'de-x-ls';
  const language = tag?.split(/[-_]/)[0];
  return allLocales.find((locale) => locale === language);
}

/**
 * The language of the Hub's own texts (names, recurrence summaries), which it gives in German and
 * English, for a locale: Leichte Sprache reads the German ones.
 */
export function contentLanguage(locale: Locale): 'de' | 'en' {
  return locale === 'en' ? 'en' : 'de';
}

/**
 * The closest `lang` attribute of the element or an ancestor, across shadow roots (a widget
 * inside another component's shadow DOM still follows the page), up to `<html lang>`.
 */
function closestLang(element: Element): string | undefined {
  for (const node of selfAndAncestors(element)) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
  }
  return undefined;
}

/** The element's language: its own or the closest `lang`, German when none or an unsupported one. */
export function resolveLocale(element: Element): Locale {
  return supportedLocale(closestLang(element)) ?? sourceLocale;
}
