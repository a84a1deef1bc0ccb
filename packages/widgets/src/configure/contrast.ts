import { colord, extend, type Colord } from 'colord';
import a11yPlugin from 'colord/plugins/a11y';

extend([a11yPlugin]);

/** WCAG 2.1 AA for normal text (1.4.3). */
export const minimumRatio = 4.5;

/** The widgets' surfaces (`--_color-surface` in core/styles.ts), on which the primary colour is text. */
export const surfaces = { light: '#ffffff', dark: '#1a1e23' } as const;
export type Scheme = keyof typeof surfaces;

export interface ContrastCheck {
  /** What is checked: the primary as text on a surface, or the text on the primary. */
  kind: 'on-surface' | 'on-primary';
  scheme: Scheme;
  foreground: string;
  background: string;
  /** Rounded to two decimals, as WCAG tools show it. */
  ratio: number;
  passes: boolean;
}

export interface ContrastResult {
  checks: ContrastCheck[];
  passes: boolean;
  /** A primary colour close to the chosen one that passes every check, when one exists. */
  suggestion?: string;
  /** The text colour on the primary the widgets use when the page sets none: black or white. */
  onColor: string;
}

const ratio = (foreground: Colord | string, background: Colord | string) => colord(foreground).contrast(background);

/** What the widgets do without `--sr-color-on-primary`: black or white, whichever contrasts more. */
export function defaultOnColor(color: string): string {
  return ratio('#000000', color) >= ratio('#ffffff', color) ? '#000000' : '#ffffff';
}

/** The schemes a widget may show in: a pinned theme, or both when it follows the page. */
export function schemesOf(theme: Scheme | undefined): Scheme[] {
  return theme ? [theme] : ['light', 'dark'];
}

function checksOf(color: string, onColor: string, schemes: readonly Scheme[]): ContrastCheck[] {
  const check = (kind: ContrastCheck['kind'], scheme: Scheme, foreground: string, background: string): ContrastCheck => {
    const value = ratio(foreground, background);
    return { kind, scheme, foreground, background, ratio: Math.floor(value * 100) / 100, passes: value >= minimumRatio };
  };
  return [
    ...schemes.map((scheme) => check('on-surface', scheme, color, surfaces[scheme])),
    check('on-primary', schemes[0]!, onColor, color),
  ];
}

/**
 * The nearest colour of the same hue that reads as text on every surface of `schemes`: darker for
 * a light surface, lighter for a dark one. None when the schemes pull both ways and no lightness
 * satisfies both (a widget that follows the page needs a pinned theme for a custom colour then).
 */
export function suggestColor(color: string, schemes: readonly Scheme[]): string | undefined {
  const fits = (candidate: Colord) => schemes.every((scheme) => ratio(candidate, surfaces[scheme]) >= minimumRatio);
  const start = colord(color);
  if (fits(start)) return start.toHex();
  for (let step = 0.01; step <= 1; step += 0.01) {
    for (const candidate of [start.darken(step), start.lighten(step)]) if (fits(candidate)) return candidate.toHex();
  }
  return undefined;
}

/**
 * Checks `color` as the widgets use it (links, outlines and headings on the surfaces of `schemes`)
 * and the text on it (`onColor`, or the widgets' own choice), against WCAG 2.1 AA.
 */
export function checkContrast(color: string, onColor: string | undefined, theme: Scheme | undefined): ContrastResult {
  const schemes = schemesOf(theme);
  const text = onColor ?? defaultOnColor(color);
  const checks = checksOf(color, text, schemes);
  const passes = checks.every((check) => check.passes);
  const suggestion = passes ? undefined : suggestColor(color, schemes);
  return { checks, passes, onColor: text, ...(suggestion && suggestion !== color.toLowerCase() ? { suggestion } : {}) };
}
