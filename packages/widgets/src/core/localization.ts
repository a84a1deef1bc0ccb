import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';
import { supportedLocale, type Locale } from './i18n.js';

// Apart from resolving languages (i18n.ts): <sr-hub> resolves its language but shows no text,
// so a page with only the provider does not load lit-localize.

type TargetLocale = (typeof targetLocales)[number];

/**
 * Translations are separate modules, loaded when first needed, so a German page never
 * downloads English strings. The record's type makes a new target locale fail to compile
 * until it has a loader here.
 */
const translations: Record<TargetLocale, () => Promise<typeof import('../generated/locales/en.js')>> = {
  en: () => import('../generated/locales/en.js'),
  'de-x-ls': () => import('../generated/locales/de-x-ls.js'),
};

type Localization = ReturnType<typeof configureLocalization>;
let localization: Localization | null | undefined;
let requestedLocale: Locale = sourceLocale;

/**
 * Switches the strings of all widgets on the page to `locale`. lit-localize keeps one active
 * language per page, so a page uses one language: every widget applies its resolved language
 * when it connects or its `lang` changes, and on a normal page they all agree.
 *
 * Configured on first use, not on import, so importing stays side-effect free. When the page
 * already configured lit-localize for itself (it allows that once), the page's setting wins
 * and the widgets follow it.
 */
export function usePageLocale(locale: Locale): void {
  if (localization === undefined) {
    try {
      localization = configureLocalization({
        sourceLocale,
        targetLocales,
        loadLocale: (target) => translations[target as TargetLocale](),
      });
    } catch (error) {
      localization = null;
      console.warn('@smart-region/widgets: lit-localize is already configured on this page; the widgets follow its language.', error);
    }
  }
  if (!localization || locale === requestedLocale) return;
  requestedLocale = locale;
  const { getLocale, setLocale } = localization;
  setLocale(locale).catch((error: unknown) => {
    // The strings stay in the previous language; a later widget may ask again.
    requestedLocale = supportedLocale(getLocale()) ?? sourceLocale;
    console.warn(`@smart-region/widgets: the "${locale}" translation could not be loaded.`, error);
  });
}
