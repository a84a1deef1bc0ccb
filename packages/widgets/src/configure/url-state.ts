/**
 * The choices of the configurator as query parameters, in the one format the configurator, the
 * embed page (`/embed/<widget>`) and the widget page (`/w/<widget>`) share: each attribute by its
 * name, plus `lang`, `theme`, `color`, `on-color` and `radius`. What does not fit is left out, so an
 * address never carries input through unchecked.
 */

import { allLocales } from '../generated/locale-codes.js';
import type { Locale } from '../core/i18n.js';

/** Widget names in addresses: the tag without `sr-`. */
export const widgetNames = ['event-calendar', 'help-finder', 'poll', 'volunteer-board'] as const;
export type WidgetName = (typeof widgetNames)[number];

/** Attributes the Hub or the page decides, never a choice of the configurator. */
export const reservedAttributes: readonly string[] = ['hub-url', 'time-zone', 'lang', 'theme'];

export interface Theme {
  lang?: Locale;
  theme?: 'light' | 'dark';
  /** `#rrggbb`. */
  color?: string;
  /** `#rrggbb`, the text on `color`. */
  onColor?: string;
  /** Pixels, 0 to 24. */
  radius?: number;
}

export interface Choices {
  widget: WidgetName;
  /** Attribute name → value, only attributes the widget has, in the widget's order. */
  attributes: Record<string, string>;
  theme: Theme;
}

const hexColor = /^#[0-9a-f]{6}$/i;
const radiusPattern = /^(\d{1,2})px$/;

const isWidgetName = (name: string | null): name is WidgetName => widgetNames.includes(name as WidgetName);

/** The theme parameters of `params`, each only if valid. */
export function themeOf(params: URLSearchParams): Theme {
  const theme: Theme = {};
  const lang = params.get('lang');
  if (allLocales.includes(lang as Locale)) theme.lang = lang as Locale;
  const scheme = params.get('theme');
  if (scheme === 'light' || scheme === 'dark') theme.theme = scheme;
  const color = params.get('color');
  if (color && hexColor.test(color)) theme.color = color.toLowerCase();
  const onColor = params.get('on-color');
  if (onColor && hexColor.test(onColor)) theme.onColor = onColor.toLowerCase();
  const radius = radiusPattern.exec(params.get('radius') ?? '');
  if (radius && Number(radius[1]) <= 24) theme.radius = Number(radius[1]);
  return theme;
}

/**
 * The choices an address holds. `attributeNames` says which attributes each widget has (from
 * `custom-elements.json`); `fallback` is the widget when the address names none or an unknown one.
 */
export function readChoices(
  search: string,
  attributeNames: (widget: WidgetName) => readonly string[],
  fallback: WidgetName = 'event-calendar',
): Choices {
  const params = new URLSearchParams(search);
  const named = params.get('widget');
  const widget = isWidgetName(named) ? named : fallback;
  const attributes: Record<string, string> = {};
  for (const name of attributeNames(widget)) {
    const value = params.get(name);
    if (value && !reservedAttributes.includes(name)) attributes[name] = value.slice(0, 200);
  }
  return { widget, attributes, theme: themeOf(params) };
}

/** The query of the embed and widget pages: the attributes set, then the theme. No leading `?`. */
export function pageQuery({ attributes, theme }: Omit<Choices, 'widget'>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(attributes)) if (value && !reservedAttributes.includes(name)) params.set(name, value);
  if (theme.lang) params.set('lang', theme.lang);
  if (theme.theme) params.set('theme', theme.theme);
  if (theme.color) params.set('color', theme.color);
  if (theme.onColor) params.set('on-color', theme.onColor);
  if (theme.radius !== undefined) params.set('radius', `${theme.radius}px`);
  return params.toString();
}

/** The configurator's own query: the widget first, then what the embed page would get. */
export function configureQuery(choices: Choices): string {
  const rest = pageQuery(choices);
  return `widget=${choices.widget}${rest ? `&${rest}` : ''}`;
}

/** The custom properties `theme` sets on a widget (or the element around it). */
export function themeProperties(theme: Theme): Record<string, string> {
  const properties: Record<string, string> = {};
  if (theme.color) properties['--sr-color-primary'] = theme.color;
  if (theme.onColor) properties['--sr-color-on-primary'] = theme.onColor;
  if (theme.radius !== undefined) properties['--sr-radius'] = `${theme.radius}px`;
  return properties;
}
