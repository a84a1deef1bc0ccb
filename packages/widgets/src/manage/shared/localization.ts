import { configureLocalization } from '@lit/localize';
import type { Locale } from '../../core/i18n.js';
import { allLocales, sourceLocale, targetLocales } from '../../generated/manage/locale-codes.js';

type TargetLocale = (typeof targetLocales)[number];

/** A language of the pages for organizations: `de` or `en`. */
export type PagesLocale = (typeof allLocales)[number];

/** The pages' language for a widgets' language: Leichte Sprache is for citizens, so such a page shows German. */
export function pagesLocale(locale: Locale): PagesLocale {
  return locale === 'de-x-ls' ? sourceLocale : locale;
}

/**
 * The pages' strings are translated apart from the widgets' (lit-localize.manage.json, xliff/manage/):
 * the widgets' locale chunk on citizens' pages carries none of them. The pages' translation holds
 * the core's texts they show too (loading, errors, retry), as lit-localize extracts every string
 * the pages' modules reach. Loaded when first needed: a German page loads no English.
 */
const translations: Record<TargetLocale, () => Promise<typeof import('../../generated/manage/locales/en.js')>> = {
  en: () => import('../../generated/manage/locales/en.js'),
};

let localization: ReturnType<typeof configureLocalization> | undefined;
let requested: PagesLocale = sourceLocale;

/** Shows every string of the pages in `locale`; configured on first use, so importing stays side-effect free. */
export function usePagesLocale(locale: PagesLocale): void {
  localization ??= configureLocalization({
    sourceLocale,
    targetLocales,
    loadLocale: (target) => translations[target as TargetLocale](),
  });
  if (locale === requested) return;
  requested = locale;
  localization.setLocale(locale).catch((error: unknown) => {
    requested = sourceLocale;
    console.warn(`The "${locale}" translation could not be loaded.`, error);
  });
}
