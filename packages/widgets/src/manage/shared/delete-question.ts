import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { FocusAfterUpdate } from '../../core/focus.js';
import type { FormController } from './form.js';

export interface DeleteQuestion {
  /** Whether the question is shown (the element's state). */
  asking: boolean;
  /** Shows or hides the question; the element sets its state and renders again. */
  setAsking: (asking: boolean) => void;
  /** The first button, e.g. "Angebot löschen". */
  label: string;
  /** The question, e.g. „Chorprobe“ wirklich löschen?, and what goes with the item. */
  question: string;
  detail?: string | undefined;
  /** The form controller of the element's actions: it says why a deletion failed and whether it is sending. */
  action: FormController<never>;
  focus: FocusAfterUpdate;
  remove: () => void;
}

/**
 * Deleting an item of the workspace: a button, then a question with the consequences and "Ja,
 * endgültig löschen" or "Abbrechen". The focus moves to the question and back to the button, so
 * a keyboard or screen-reader user knows where they are; a failure is said in the question.
 */
export function deleteQuestion({ asking, setAsking, label, question, detail, action, focus, remove }: DeleteQuestion): TemplateResult {
  if (!asking) {
    return html`<p>
      <button class="button danger" type="button" id="delete" @click=${() => {
        setAsking(true);
        focus.request('#delete-question');
      }}>${label}</button>
    </p>`;
  }
  return html`<div class="message danger" role="group" aria-labelledby="delete-question">
    <p id="delete-question" tabindex="-1"><strong>${question}</strong> ${detail ?? nothing}</p>
    ${action.failureMessage()}
    <div class="actions">
      <button class="button danger" type="button" aria-disabled=${action.sending ? 'true' : 'false'} @click=${remove}>${msg('Ja, endgültig löschen')}</button>
      <button class="button" type="button" @click=${() => {
        setAsking(false);
        focus.request('#delete');
      }}>${msg('Abbrechen')}</button>
    </div>
  </div>`;
}
