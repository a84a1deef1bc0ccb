import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

/**
 * "Aushang drucken": the Hub's print view of an item (`<hub>/print/<path>`), an A4 notice with a
 * QR code back to it, for a notice board or to save as PDF. A new tab, so the widget stays as it
 * was. Without the Hub's address (a page that injected its own client) there is nothing to link.
 *
 * @param path - The item under `/print/`, e.g. `polls/K7M3QP`.
 * @param describedBy - The id of the item's heading, when a list has a link for each item.
 */
export const printLink = (hubUrl: string | undefined, path: string, describedBy?: string): TemplateResult | typeof nothing =>
  hubUrl
    ? html`<p><a part="print" class="print" href="${hubUrl}/print/${path}" target="_blank" rel="noopener" aria-describedby=${describedBy ?? nothing}>${msg('Aushang drucken')}</a></p>`
    : nothing;
