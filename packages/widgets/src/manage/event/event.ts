import { msg } from '@lit/localize';
import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ManageElement } from '../shared/manage-element.js';
import { organizationHeader } from '../shared/organization-nav.js';
import type { Me } from '../shared/session-events.js';

/** Termin: being built. */
export class SrManageEvent extends ManageElement {
  static override properties: PropertyDeclarations = {
    me: { attribute: false },
    organizationId: { attribute: false },
    itemId: { attribute: false },
  };

  declare me: Me | undefined;
  declare organizationId: string;
  /** The item to edit; `undefined` for a new one. */
  declare itemId: string | undefined;

  protected override render(): TemplateResult {
    return html`${organizationHeader(this.me, this.organizationId, 'events', msg('Termin'))}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-manage-event': SrManageEvent;
  }
}
