import { msg } from '@lit/localize';
import type { TemplateResult } from 'lit';
import { textAreaField, type FormController } from './form.js';

/** The contract's limit on a summary in Leichte Sprache. */
export const easyReadSummaryLimit = 1000;

/** The field's name in the error summary. */
export const easyReadSummaryLabel = (): string => msg('Zusammenfassung in Leichter Sprache');

/**
 * The optional summary in Leichte Sprache of a help offer, a volunteer need or a poll: the citizen
 * widgets show it when they run in Leichte Sprache (`lang="de-x-ls"`).
 */
export function easyReadSummaryField<Field extends string>(
  form: FormController<Field | 'easyReadSummary'>,
  value: string,
  onInput: (value: string) => void,
): TemplateResult {
  return textAreaField(form, 'easyReadSummary', msg('Zusammenfassung in Leichter Sprache (freiwillig)'), value, onInput, {
    maxlength: easyReadSummaryLimit,
    hint: msg('Kurze Sätze, eine Aussage pro Satz. Wird gezeigt, wenn das Widget in Leichter Sprache läuft.'),
  });
}
