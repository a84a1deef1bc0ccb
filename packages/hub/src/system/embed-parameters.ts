/**
 * The query of the embed and widget pages (`/embed/<widget>?…`, `/w/<widget>?…`), the same format as
 * the configurator's: each attribute of the widget by its name (as in the widgets'
 * `custom-elements.json`, but `hub-url` and `time-zone`, which the Hub sets), and the theme. A value
 * that does not fit its attribute is left out, and so is every other parameter: the pages never
 * echo input they do not know.
 */

/** A check of one value; `''` for a boolean attribute that is present. */
type Rule = (value: string) => boolean;

const oneOf =
  (...values: string[]): Rule =>
  (value) =>
    values.includes(value);
/** An id or slug: letters, digits, `_` and `-`. */
const identifier: Rule = (value) => /^[\w-]{1,100}$/.test(value);
/** Several ids or slugs, separated by spaces or commas. */
const identifiers: Rule = (value) => value.length <= 500 && /^[\w-]+(?:[ ,]+[\w-]+)*$/.test(value);
/** Words to search for: any text of reasonable length, no control characters. */
const text: Rule = (value) => value.length <= 200 && value.trim() !== '' && !/\p{Cc}/u.test(value);
const day: Rule = (value) => /^\d{4}-\d{2}-\d{2}$/.test(value);
const present: Rule = (value) => value === '' || value === 'true';
/** Only a web address: the quick exit must never run script (`javascript:`) in the Hub's origin. */
const webAddress: Rule = (value) => value.length <= 500 && /^https?:$/.test(URL.parse(value)?.protocol ?? '');
const audiences = new Set(['children', 'youth', 'adults', 'seniors', 'families', 'relatives', 'women', 'men']);
const audienceList: Rule = (value) => value.split(' ').every((audience) => audiences.has(audience));

/** The widgets these pages show, by their name in the address (the tag without `sr-`), with their attributes. */
export const embeddableWidgets = {
  'event-calendar': {
    title: { de: 'Veranstaltungskalender', 'de-x-ls': 'Kalender für Veranstaltungen', en: 'Event calendar' },
    attributes: {
      view: oneOf('month', 'week', 'list'),
      date: day,
      category: identifiers,
      municipality: identifiers,
      organization: identifiers,
      q: text,
      seo: present,
    },
  },
  'help-finder': {
    title: { de: 'Hilfefinder', 'de-x-ls': 'Hilfe finden', en: 'Help finder' },
    attributes: {
      mode: oneOf('search', 'guided'),
      q: text,
      topic: identifier,
      audience: audienceList,
      municipality: identifier,
      'crisis-position': oneOf('top', 'bottom'),
      'exit-url': webAddress,
    },
  },
  poll: {
    title: { de: 'Umfrage', 'de-x-ls': 'Umfrage', en: 'Poll' },
    attributes: { 'poll-id': identifier },
  },
  'volunteer-board': {
    title: { de: 'Ehrenamtsbörse', 'de-x-ls': 'Ehren·amt: Helfen Sie mit', en: 'Volunteer board' },
    attributes: { organization: identifiers, municipality: identifiers },
  },
} satisfies Record<string, { title: Record<Language, string>; attributes: Record<string, Rule> }>;

export type EmbeddableWidget = keyof typeof embeddableWidgets;
/** The widgets' languages: German, Leichte Sprache (easy-read German, `de-x-ls`) and English. */
export const languages = ['de', 'de-x-ls', 'en'] as const;
export type Language = (typeof languages)[number];

export const isEmbeddable = (name: string): name is EmbeddableWidget => Object.hasOwn(embeddableWidgets, name);

const colour: Rule = (value) => /^#[0-9a-f]{6}$/i.test(value);
const radius: Rule = (value) => /^(?:[0-9]|1[0-9]|2[0-4])px$/.test(value);

/** What the query asks for, each value checked. */
export interface EmbedParameters {
  /** The widget's attributes, `theme` among them. */
  attributes: Record<string, string>;
  lang: Language | undefined;
  /** `--sr-*` custom properties of the theme. */
  properties: Record<string, string>;
  theme: 'light' | 'dark' | undefined;
}

/** The query's parameters that fit, from Fastify's parsed query (a repeated parameter is an array: left out). */
export function embedParameters(widget: EmbeddableWidget, query: Record<string, unknown>): EmbedParameters {
  const single = (name: string): string | undefined => {
    const value = Object.hasOwn(query, name) ? query[name] : undefined;
    return typeof value === 'string' ? value : undefined;
  };
  const checked = (name: string, rule: Rule): string | undefined => {
    const value = single(name);
    return value !== undefined && rule(value) ? value : undefined;
  };

  const attributes: Record<string, string> = {};
  for (const [name, rule] of Object.entries(embeddableWidgets[widget].attributes as Record<string, Rule>)) {
    const value = checked(name, rule);
    if (value !== undefined) attributes[name] = name === 'seo' ? '' : value;
  }
  const theme = checked('theme', oneOf('light', 'dark')) as EmbedParameters['theme'];
  if (theme) attributes['theme'] = theme;

  const properties: Record<string, string> = {};
  for (const [name, property, rule] of [
    ['color', '--sr-color-primary', colour],
    ['on-color', '--sr-color-on-primary', colour],
    ['radius', '--sr-radius', radius],
  ] as const) {
    const value = checked(name, rule);
    if (value !== undefined) properties[property] = value.toLowerCase();
  }
  return { attributes, lang: checked('lang', oneOf(...languages)) as Language | undefined, properties, theme };
}
