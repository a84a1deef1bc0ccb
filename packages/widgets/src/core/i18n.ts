import { allLocales, sourceLocale } from '../generated/locale-codes.js';
import { selfAndAncestors } from './dom.js';

/** A language the widgets speak: `de` (the source language) or a translation. */
export type Locale = (typeof allLocales)[number];

/** The language from a `lang` value (`en-GB` → `en`), or `undefined` when we have no translation. */
export function supportedLocale(lang: string | null | undefined): Locale | undefined {
  const language = lang?.trim().toLowerCase().split(/[-_]/)[0];
  return allLocales.find((locale) => locale === language);
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
