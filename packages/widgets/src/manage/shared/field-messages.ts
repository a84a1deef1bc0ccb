import { msg, str } from '@lit/localize';
import type { FieldError } from '@smart-region/sdk';

/** Rules with a bound (`limit`), said with it. */
const boundedRules: Record<string, (bound: string) => string> = {
  minLength: (bound) => msg(str`Mindestens ${bound} Zeichen.`),
  'too-short': (bound) => msg(str`Mindestens ${bound} Zeichen.`),
  maxLength: (bound) => msg(str`Höchstens ${bound} Zeichen.`),
  minimum: (bound) => msg(str`Mindestens ${bound}.`),
  maximum: (bound) => msg(str`Höchstens ${bound}.`),
  minItems: (bound) => msg(str`Bitte geben Sie mindestens ${bound} an.`),
  maxItems: (bound) => msg(str`Höchstens ${bound} Einträge.`),
  'too-many-choices': (bound) => msg(str`Höchstens ${bound} Antworten.`),
  'below-places-taken': (bound) => msg(str`Mindestens ${bound}: so viele Plätze sind schon belegt.`),
  'too-long': (bound) => msg(str`Höchstens ${bound} Stunden nach dem Beginn.`),
};

/** Rules said the same whatever the field. */
const rules: Record<string, () => string> = {
  required: () => msg('Bitte füllen Sie dieses Feld aus.'),
  blank: () => msg('Bitte füllen Sie dieses Feld aus.'),
  format: () => msg('Diese Angabe hat nicht die erwartete Form.'),
  pattern: () => msg('Diese Angabe hat nicht die erwartete Form.'),
  uniqueItems: () => msg('Dieser Eintrag kommt doppelt vor.'),
  duplicate: () => msg('Dieser Eintrag kommt doppelt vor.'),
  'end-before-start': () => msg('Das Ende liegt vor dem Beginn.'),
  'unknown-reference': () => msg('Diese Auswahl ist nicht bekannt.'),
  'not-a-date': () => msg('Bitte geben Sie ein gültiges Datum an.'),
  'not-in-future': () => msg('Das Datum muss in der Zukunft liegen.'),
  'email-or-phone': () => msg('Bitte geben Sie eine E-Mail-Adresse oder eine Telefonnummer an.'),
};

/**
 * A field's problem in the person's language, from the rule the Hub names (`code`) and its bound
 * (`limit`): the Hub's own `reason` is English for developers. A rule this list does not know
 * gets the general request to check the field.
 */
export function fieldMessage({ code, limit }: Pick<FieldError, 'code' | 'limit'>): string {
  // Own keys only: a code is the Hub's text, never a way to an object's built-in members.
  if (code !== undefined && limit !== undefined && Object.hasOwn(boundedRules, code)) return boundedRules[code]!(String(limit));
  if (code !== undefined && Object.hasOwn(rules, code)) return rules[code]!();
  return msg('Bitte prüfen Sie diese Angabe.');
}
