import type { Municipality } from '@smart-region/sdk';
import { css, html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { contentLanguage } from '../../packages/widgets/src/core/i18n.js';
import { skeletonText } from '../../packages/widgets/src/core/states.js';
import { SrElement } from '../../packages/widgets/src/core/sr-element.js';

// Story-only text: the package's translations hold product strings only.
const text = {
  de: { heading: 'Gemeinden', kind: { city: 'Stadt', market: 'Markt', municipality: 'Gemeinde' } },
  en: { heading: 'Municipalities', kind: { city: 'Town', market: 'Market town', municipality: 'Municipality' } },
};

/**
 * A small list of the region's municipalities. Not a product widget: it shows the widget
 * platform at work (connection, language, states, theming) in stories and tests until the
 * real widgets exist, and stays their smallest example. Side-effect free: stories and tests
 * define it (tests also under other tags, to control when it upgrades).
 *
 * @summary Demo widget: municipalities of the region.
 * @attr limit - How many municipalities to list.
 * @csspart heading - The heading.
 * @csspart list - The list.
 * @csspart item - One municipality.
 */
export class SrDemoMunicipalities extends SrElement {
  static override properties: PropertyDeclarations = {
    limit: { type: Number },
  };

  static override styles = [
    SrElement.styles,
    css`
      :host {
        padding: var(--_space-4);
        border: 1px solid var(--_color-divider);
        border-radius: var(--_radius);
      }
      h3 {
        margin: 0 0 var(--_space-3);
        font-size: 1.125em;
      }
      ul {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: var(--_space-3);
        padding-block: var(--_space-2);
        border-block-end: 1px solid var(--_color-divider);
      }
      li:last-child {
        border-block-end: 0;
      }
      .kind {
        color: var(--_color-text-muted);
      }
    `,
  ];

  declare limit: number;

  constructor() {
    super();
    this.limit = 5;
  }

  readonly municipalities = this.fetchTask({
    args: () => [this.limit] as const,
    fetch: (hub, [limit], signal) => hub.GET('/municipalities', { params: { query: { limit } }, signal }),
  });

  /** Loads the list again. */
  refresh(): Promise<void> {
    return this.municipalities.run();
  }

  protected override render() {
    const strings = text[contentLanguage(this.locale)];
    return html`
      <h3 part="heading">${strings.heading}</h3>
      ${this.municipalities.render({
        skeleton: () => this.list(Array.from({ length: this.limit }, () => html`${skeletonText('9rem')}${skeletonText('5rem')}`)),
        complete: (page) =>
          this.list(
            page.items.map((place: Municipality) => html`<span>${place.name}</span><span class="kind">${strings.kind[place.kind]}</span>`),
          ),
      })}
    `;
  }

  private list(rows: TemplateResult[]): TemplateResult {
    return html`<ul part="list">
      ${rows.map((row) => html`<li part="item">${row}</li>`)}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-demo-municipalities': SrDemoMunicipalities;
  }
}
