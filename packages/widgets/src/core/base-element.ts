import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { AttributeRules } from './attributes.js';
import { defaultTimeZone, isTimeZone } from './time-zone.js';
import { allLocales } from '../generated/locale-codes.js';
import { resolveLocale, supportedLocale, type Locale } from './i18n.js';
import { warnOnce } from './warnings.js';

/**
 * What `<sr-hub>` and every widget share: the language from `lang`, the time zone from
 * `time-zone`, the check of every attribute against the element's `attributeRules`, and one
 * console warning per wrong attribute value.
 */
export class SrBaseElement extends LitElement {
  static override properties: PropertyDeclarations = {
    timeZone: { attribute: 'time-zone' },
  };

  /** What the element's own attributes accept, by property (see `AttributeRule`). */
  static attributeRules: AttributeRules = {};

  /** IANA time zone for dates and times, e.g. `Europe/Vienna`; `Europe/Berlin` when unset. */
  declare timeZone: string | undefined;

  /**
   * `lang` is HTMLElement's own property: it is observed here rather than declared as a Lit
   * property, which would replace the native accessor (and turn a removed attribute into "null").
   */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  /**
   * The language this element speaks: its own `lang`, else the closest one up to `<html>`, else
   * German. A language without a translation falls back to German too; set on the element
   * itself, that is a mistake worth a warning.
   */
  protected resolveLocale(): Locale {
    const own = this.getAttribute('lang');
    if (own && !supportedLocale(own)) this.warn(`lang="${own}" is not a supported language (${allLocales.join(', ')}); showing German.`);
    return resolveLocale(this);
  }

  /** The element's own valid `time-zone`, else `inherited`, else `Europe/Berlin`. */
  protected resolveTimeZone(inherited: string = defaultTimeZone): string {
    const own = this.timeZone?.trim();
    if (!own) return inherited;
    if (isTimeZone(own)) return own;
    this.warn(`time-zone="${own}" is not an IANA time zone (e.g. time-zone="Europe/Berlin"); using ${inherited}.`);
    return inherited;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    for (const property in (this.constructor as typeof SrBaseElement).attributeRules) this.checked(property);
  }

  /**
   * The property's value, trimmed, when its attribute rule accepts it; `undefined` when it is
   * unset or wrong (then with a warning naming the attribute).
   */
  protected checked(property: string): string | undefined {
    const rule = (this.constructor as typeof SrBaseElement).attributeRules[property]!;
    const value = String((this as unknown as Record<string, string | undefined>)[property] ?? '').trim();
    const attribute = (this.constructor as typeof SrBaseElement).elementProperties.get(property)?.attribute;
    const name = typeof attribute === 'string' ? attribute : property;
    if (value && rule.valid(value)) return value;
    if (value) this.warn(`${name}="${value}" ${rule.problem}`);
    else if (rule.missing) this.warn(rule.missing);
    return undefined;
  }

  /** One clear warning for the page's developer, never repeated for this element. */
  protected warn(message: string): void {
    warnOnce(this, message);
  }
}
