import { msg, str } from '@lit/localize';
import type { FieldError } from '@smart-region/sdk';

/**
 * A field's problem in the person's language, from the rule the Hub names (`code`) and its bound
 * (`limit`): the Hub's own `reason` is English for developers. A rule this list does not know
 * gets the general request to check the field.
 */
export function fieldMessage({ code, limit }: Pick<FieldError, 'code' | 'limit'>): string {
  const bound = limit === undefined ? undefined : String(limit);
  switch (code) {
    case 'required':
    case 'blank':
      return msg('Bitte füllen Sie dieses Feld aus.');
    case 'minLength':
    case 'too-short':
      if (bound) return msg(str`Mindestens ${bound} Zeichen.`);
      break;
    case 'maxLength':
      if (bound) return msg(str`Höchstens ${bound} Zeichen.`);
      break;
    case 'minimum':
      if (bound) return msg(str`Mindestens ${bound}.`);
      break;
    case 'maximum':
      if (bound) return msg(str`Höchstens ${bound}.`);
      break;
    case 'minItems':
      if (bound) return msg(str`Bitte geben Sie mindestens ${bound} an.`);
      break;
    case 'maxItems':
      if (bound) return msg(str`Höchstens ${bound} Einträge.`);
      break;
    case 'too-many-choices':
      if (bound) return msg(str`Höchstens ${bound} Antworten.`);
      break;
    case 'format':
    case 'pattern':
      return msg('Diese Angabe hat nicht die erwartete Form.');
    case 'uniqueItems':
    case 'duplicate':
      return msg('Dieser Eintrag kommt doppelt vor.');
    case 'end-before-start':
      return msg('Das Ende liegt vor dem Beginn.');
    case 'unknown-reference':
      return msg('Diese Auswahl ist nicht bekannt.');
    case 'not-a-date':
      return msg('Bitte geben Sie ein gültiges Datum an.');
    case 'not-in-future':
      return msg('Das Datum muss in der Zukunft liegen.');
    case 'email-or-phone':
      return msg('Bitte geben Sie eine E-Mail-Adresse oder eine Telefonnummer an.');
  }
  return msg('Bitte prüfen Sie diese Angabe.');
}
