import { msg } from '@lit/localize';

/**
 * Forms with changes not yet saved, anywhere in the pages. A form says when it becomes dirty and
 * clean (FormController does, for every form); the app asks before it leaves the screen, and the
 * browser warns before the page is closed or reloaded.
 */
const dirtyForms = new Set<object>();

const warnBeforeUnload = (event: BeforeUnloadEvent) => {
  event.preventDefault();
  // Older browsers show the warning only when returnValue is set.
  event.returnValue = '';
};

export function markDirty(form: object): void {
  if (dirtyForms.size === 0) addEventListener('beforeunload', warnBeforeUnload);
  dirtyForms.add(form);
}

export function markClean(form: object): void {
  if (!dirtyForms.delete(form) || dirtyForms.size > 0) return;
  removeEventListener('beforeunload', warnBeforeUnload);
}

/** Whether this form holds changes not yet saved. */
export const hasUnsavedChange = (form: object): boolean => dirtyForms.has(form);

/**
 * Whether the person may leave the screen: yes when nothing is unsaved, else when they confirm
 * that their changes go. Confirmed, the changes count as gone.
 */
export function mayLeave(): boolean {
  if (dirtyForms.size === 0) return true;
  if (!confirm(msg('Ungespeicherte Änderungen verwerfen? Was Sie in diesem Formular eingegeben haben, geht verloren.'))) return false;
  for (const form of [...dirtyForms]) markClean(form);
  return true;
}
