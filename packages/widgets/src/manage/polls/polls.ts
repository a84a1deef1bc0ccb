import { msg } from '@lit/localize';
import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ManageElement } from '../shared/manage-element.js';
import { organizationHeader } from '../shared/organization-nav.js';
import type { Me } from '../shared/session-events.js';

/** Umfragen: being built. */
export class SrManagePolls extends ManageElement {
  static override properties: PropertyDeclarations = {
    me: { attribute: false },
    organizationId: { attribute: false },
  };

  declare me: Me | undefined;
  declare organizationId: string;

  protected override render(): TemplateResult {
    return html`${organizationHeader(this.me, this.organizationId, 'polls', msg('Umfragen'))}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-manage-polls': SrManagePolls;
  }
}
