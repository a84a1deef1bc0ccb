import { msg, str } from '@lit/localize';
import { css, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import elementsManifest from '../../custom-elements.json' with { type: 'json' };
import { skeletonText } from '../core/states.js';
import { ManageElement } from '../manage/shared/manage-element.js';
import { requiredAttributes, widgetOptions, type AttributeOption, type ElementsManifest, type LookupKind } from './catalogue.js';
import { checkContrast, type ContrastCheck } from './contrast.js';
import { lookup, type Choice } from './lookups.js';
import { iframeSnippet, linkSnippet, scriptSnippet, themeCss, type CdnManifest } from './snippets.js';
import { attributeLabel, linkText, lookupSearchLabel, valueLabel, widgetTitle } from './texts.js';
import { configureQuery, readChoices, themeProperties, widgetNames, type Choices, type Theme, type WidgetName } from './url-state.js';

const options = widgetOptions(elementsManifest as ElementsManifest);
const attributeNames = (widget: WidgetName) => options[widget].map((option) => option.name);

/** The widgets' default primary (light), the colour field's value before one is chosen. */
const defaultColor = '#0b5394';

/**
 * The configurator at `/configure/`: a webmaster picks a widget, what it shows (from the Hub's
 * lists, by name) and its look, sees the real widget live, and copies a snippet three ways.
 * Every choice is in the page's address, so it can be bookmarked or sent. Needs no sign-in.
 */
export class SrConfigure extends ManageElement {
  static override properties: PropertyDeclarations = {
    choices: { state: true },
    narrow: { state: true },
    filters: { state: true },
    copied: { state: true },
  };

  static override styles = [
    ManageElement.styles,
    css`
      :host {
        display: block;
        max-inline-size: 80rem;
        margin-inline: auto;
        padding: var(--_space-4);
      }
      .layout {
        display: grid;
        gap: var(--_space-5);
      }
      @media (min-width: 60rem) {
        .layout {
          grid-template-columns: minmax(18rem, 26rem) minmax(0, 1fr);
          align-items: start;
        }
      }
      fieldset {
        display: grid;
        gap: var(--_space-3);
        margin-block-end: var(--_space-4);
      }
      legend {
        font-weight: 700;
        font-size: 1.15em;
        margin-block-end: var(--_space-2);
      }
      .inline {
        display: flex;
        flex-wrap: wrap;
        gap: 0 var(--_space-4);
        margin-block-end: 0;
      }
      .inline > legend {
        font-size: 1em;
        font-weight: 600;
        margin-block-end: 0;
      }
      .color {
        display: flex;
        gap: var(--_space-2);
        align-items: center;
      }
      .color input[type='color'] {
        inline-size: 3rem;
        block-size: 2.75rem;
        padding: 2px;
      }
      .color input[type='text'] {
        inline-size: 8rem;
        font-family: ui-monospace, monospace;
      }
      .contrast {
        margin: 0;
        padding-inline-start: var(--_space-4);
      }
      .fails {
        color: var(--_color-danger);
        font-weight: 600;
      }
      .frame {
        border: 1px dashed var(--_color-border);
        border-radius: var(--_radius);
        padding: var(--_space-3);
        background: var(--_color-surface-raised);
        min-block-size: 20rem;
      }
      /* Scrolls like the iframe of snippet B, so the snippets stay near whatever the widget shows. */
      .frame {
        max-block-size: 40rem;
        overflow: auto;
      }
      .frame.narrow {
        max-inline-size: calc(320px + 2 * var(--_space-3) + 2px);
      }
      /* On a phone the preview gets the whole width, as the widget would on the webmaster's site. */
      @media (max-width: 30rem) {
        :host {
          padding: var(--_space-2);
        }
        .frame {
          padding: 0;
          border: 0;
        }
      }
      .frame > * {
        background: var(--_color-surface);
      }
      pre {
        margin: 0;
        padding: var(--_space-3);
        overflow-x: auto;
        border-radius: var(--_radius);
        background: var(--_color-surface-raised);
        border: 1px solid var(--_color-divider);
        font-size: 0.85em;
        white-space: pre-wrap;
        word-break: break-all;
      }
      .snippet {
        display: grid;
        gap: var(--_space-2);
        margin-block-end: var(--_space-5);
      }
      .snippet h3 {
        margin: 0;
      }
      details > ul {
        margin-block: var(--_space-2) 0;
        padding-inline-start: var(--_space-4);
      }
    `,
  ];

  declare private choices: Choices;
  declare private narrow: boolean;
  /** The search text of each pick list. */
  declare private filters: Partial<Record<LookupKind, string>>;
  /** Which snippet was copied last, for the status line. */
  declare private copied: string | undefined;

  readonly #manifest = this.fetchTask({
    args: () => [] as const,
    fetch: async (_hub, _args, signal) => {
      const response = await fetch(`${this.#hubUrl}/widgets/v1/manifest.json`, { signal });
      if (!response.ok) throw new Error(`The widget files answered ${response.status}.`);
      return (await response.json()) as CdnManifest;
    },
  });

  readonly #lookups = this.fetchTask({
    args: () => [this.choices.widget, this.locale] as const,
    fetch: async (hub, [widget, locale], signal): Promise<Partial<Record<LookupKind, Choice[]>>> => {
      const kinds = options[widget].flatMap((option) => (option.kind === 'lookup' ? [option.lookup] : []));
      const lists = await Promise.all(kinds.map(async (kind) => [kind, await lookup(hub, kind, locale, signal)] as const));
      return Object.fromEntries(lists);
    },
  });

  constructor() {
    super();
    this.choices = readChoices(location.search, attributeNames);
    this.narrow = false;
    this.filters = {};
    this.copied = undefined;
  }

  get #hubUrl(): string {
    return (this.hubUrl ?? location.origin).replace(/\/+$/, '');
  }

  #set(choices: Choices): void {
    this.choices = choices;
    this.copied = undefined;
    history.replaceState(history.state, '', `?${configureQuery(choices)}`);
  }

  #setAttribute(name: string, value: string): void {
    const attributes = { ...this.choices.attributes };
    if (value) attributes[name] = value;
    else delete attributes[name];
    // In the widget's order, so the address and the snippets read the same way each time.
    const ordered = Object.fromEntries(
      attributeNames(this.choices.widget).flatMap((key) => (attributes[key] ? [[key, attributes[key]]] : [])),
    );
    this.#set({ ...this.choices, attributes: ordered });
  }

  #setTheme(theme: Theme): void {
    this.#set({ ...this.choices, theme });
  }

  protected override render(): TemplateResult {
    return html`<h1>${msg('Widget auf Ihrer Website einbinden')}</h1>
      <p class="lead">
        ${msg('Wählen Sie Widget, Inhalt und Aussehen. Die Vorschau zeigt das echte Widget; darunter steht der Code zum Kopieren. Die Adresse dieser Seite merkt sich Ihre Auswahl – setzen Sie ein Lesezeichen oder schicken Sie sie weiter.')}
      </p>
      <div class="layout">
        <form class="form" aria-label=${msg('Auswahl')} @submit=${(event: Event) => event.preventDefault()}>
          ${this.#widgetChoice()} ${this.#contentChoice()} ${this.#themeChoice()}
        </form>
        <div>${this.#preview()} ${this.#snippets()}</div>
      </div>`;
  }

  #widgetChoice(): TemplateResult {
    return html`<fieldset>
      <legend>${msg('1. Widget')}</legend>
      ${widgetNames.map(
        (widget) => html`<label class="check">
          <input
            type="radio"
            name="widget"
            .value=${widget}
            .checked=${widget === this.choices.widget}
            @change=${() => this.#set({ widget, attributes: {}, theme: this.choices.theme })}
          />
          ${widgetTitle(widget)}
        </label>`,
      )}
    </fieldset>`;
  }

  #contentChoice(): TemplateResult {
    const widgetOptions = options[this.choices.widget];
    return html`<fieldset>
      <legend>${msg('2. Inhalt')}</legend>
      ${widgetOptions.length === 0 ? html`<p>${msg('Dieses Widget hat keine Einstellungen.')}</p>` : nothing}
      ${widgetOptions.map((option) => this.#optionField(option))}
    </fieldset>`;
  }

  #optionField(option: AttributeOption): TemplateResult {
    const value = this.choices.attributes[option.name] ?? '';
    const id = `option-${option.name}`;
    const change = (event: Event) => this.#setAttribute(option.name, (event.target as HTMLInputElement | HTMLSelectElement).value.trim());
    const label = html`<label for=${id}>${attributeLabel(option.name)}</label>`;
    if (option.kind === 'choice')
      return html`<div class="field">
        ${label}
        <select id=${id} @change=${change}>
          <option value="" ?selected=${value === ''}>${msg('Voreinstellung des Widgets')}</option>
          ${option.values.map((choice) => html`<option value=${choice} ?selected=${choice === value}>${valueLabel(choice)}</option>`)}
        </select>
      </div>`;
    if (option.kind === 'text')
      return html`<div class="field">
        ${label}
        <input id=${id} type=${option.type} .value=${value} @change=${change} />
      </div>`;
    return this.#lookupField(option.name, option.lookup, value, id);
  }

  /** A pick list of the Hub: a search field narrows it, the names show, the attribute gets the id. */
  #lookupField(name: string, kind: LookupKind, value: string, id: string): TemplateResult {
    const all = this.#lookups.value?.[kind];
    const filter = (this.filters[kind] ?? '').trim().toLocaleLowerCase('de');
    const shown = (all ?? []).filter((choice) => choice.value === value || choice.label.toLocaleLowerCase('de').includes(filter));
    const unknown = all && value && !all.some((choice) => choice.value === value);
    return html`<div class="field">
      <label for=${id}>${attributeLabel(name)}</label>
      ${
        all && all.length > 8
          ? html`<input
            type="search"
            aria-label=${lookupSearchLabel(kind)}
            placeholder=${lookupSearchLabel(kind)}
            aria-controls=${id}
            .value=${this.filters[kind] ?? ''}
            @input=${(event: Event) => (this.filters = { ...this.filters, [kind]: (event.target as HTMLInputElement).value })}
          />`
          : nothing
      }
      <select id=${id} ?disabled=${!all} aria-describedby=${unknown ? `${id}-unknown` : nothing} @change=${(event: Event) => this.#setAttribute(name, (event.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${value === ''}>${!all ? msg('Wird geladen …') : this.#isRequired(name) ? msg('Bitte wählen') : msg('Alle')}</option>
        ${shown.map((choice) => html`<option value=${choice.value} ?selected=${choice.value === value}>${choice.label}</option>`)}
      </select>
      ${
        filter && all
          ? html`<span class="hint" role="status">${msg(str`${shown.filter((choice) => choice.value !== value).length} Treffer`)}</span>`
          : nothing
      }
      ${unknown ? html`<span class="field-error" id="${id}-unknown">${msg(str`„${value}“ kennt der Hub nicht; das Widget zeigt damit nichts.`)}</span>` : nothing}
    </div>`;
  }

  #isRequired(name: string): boolean {
    return requiredAttributes[this.choices.widget]?.includes(name) ?? false;
  }

  /** The label of a required attribute not chosen yet: the widget would show nothing but an error. */
  #missing(): string | undefined {
    const name = requiredAttributes[this.choices.widget]?.find((attribute) => !this.choices.attributes[attribute]);
    return name && attributeLabel(name);
  }

  /** In place of the preview and the snippets while a required choice is missing. */
  #chooseFirst(missing: string): TemplateResult {
    return html`<p class="message" data-missing>${msg(str`Wählen Sie zuerst unter „2. Inhalt“: ${missing}.`)}</p>`;
  }

  #themeChoice(): TemplateResult {
    const theme = this.choices.theme;
    const radio = <K extends 'theme' | 'lang'>(key: K, value: Theme[K], text: string) =>
      html`<label class="check"
        ><input
          type="radio"
          name=${key}
          .checked=${theme[key] === value}
          @change=${() => {
            const next = { ...theme };
            if (value) next[key] = value;
            else delete next[key];
            this.#setTheme(next);
          }}
        />
        ${text}</label
      >`;
    return html`<fieldset>
      <legend>${msg('3. Aussehen')}</legend>
      <fieldset class="inline">
        <legend>${msg('Hell oder dunkel')}</legend>
        ${radio('theme', undefined, msg('wie die Seite'))} ${radio('theme', 'light', msg('hell'))} ${radio('theme', 'dark', msg('dunkel'))}
      </fieldset>
      <fieldset class="inline">
        <legend>${msg('Sprache')}</legend>
        ${radio('lang', undefined, msg('wie die Seite'))} ${radio('lang', 'de', 'Deutsch')} ${radio('lang', 'de-x-ls', 'Leichte Sprache')}
        ${radio('lang', 'en', 'English')}
      </fieldset>
      ${this.#colorField('color', msg('Hauptfarbe'), msg('Für Links, Schaltflächen und Hervorhebungen.'))}
      ${this.#colorField('onColor', msg('Schrift auf der Hauptfarbe'), msg('Leer: Schwarz oder Weiß, was besser lesbar ist.'))}
      ${this.#contrast()}
      <div class="field">
        <label for="radius">${msg('Eckenradius (px)')}</label>
        <input
          id="radius"
          type="number"
          min="0"
          max="24"
          inputmode="numeric"
          placeholder=${msg('6 (Voreinstellung)')}
          .value=${theme.radius === undefined ? '' : String(theme.radius)}
          @change=${(event: Event) => {
            const text = (event.target as HTMLInputElement).value;
            const radius = Math.round(Number(text));
            const next = { ...theme };
            if (text === '' || Number.isNaN(radius)) delete next.radius;
            else next.radius = Math.min(24, Math.max(0, radius));
            this.#setTheme(next);
          }}
        />
      </div>
      <p class="hint">${msg('Die Schrift übernimmt das Widget von Ihrer Seite.')}</p>
    </fieldset>`;
  }

  #colorField(key: 'color' | 'onColor', label: string, hint: string): TemplateResult {
    const value = this.choices.theme[key];
    const id = key === 'color' ? 'color' : 'on-color';
    const set = (text: string) => {
      const next = { ...this.choices.theme };
      const color = text.trim().toLowerCase();
      if (/^#[0-9a-f]{6}$/.test(color)) next[key] = color;
      else if (color === '') delete next[key];
      else return;
      this.#setTheme(next);
    };
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <span class="hint" id="${id}-hint">${hint} ${msg('Als #rrggbb, z. B. #005ea8.')}</span>
      <div class="color">
        <input
          id=${id}
          type="text"
          spellcheck="false"
          autocomplete="off"
          placeholder="#rrggbb"
          aria-describedby="${id}-hint"
          .value=${value ?? ''}
          @change=${(event: Event) => set((event.target as HTMLInputElement).value)}
        />
        <input
          type="color"
          aria-label=${msg(str`${label}: Farbwähler`)}
          .value=${value ?? (key === 'color' ? defaultColor : '#ffffff')}
          @change=${(event: Event) => set((event.target as HTMLInputElement).value)}
        />
      </div>
    </div>`;
  }

  /** The contrast of the chosen colours (WCAG 2.1 AA), live, with a colour that passes when they fail. */
  #contrast(): TemplateResult {
    const { color, onColor, theme } = this.choices.theme;
    if (!color) return html`<div role="status"></div>`;
    const result = checkContrast(color, onColor, theme);
    const describe = (check: ContrastCheck) =>
      check.kind === 'on-primary'
        ? msg('Schrift auf der Hauptfarbe')
        : check.scheme === 'light'
          ? msg('Hauptfarbe auf hellem Grund')
          : msg('Hauptfarbe auf dunklem Grund');
    const ratio = (check: ContrastCheck) => check.ratio.toLocaleString(this.locale, { maximumFractionDigits: 2 });
    return html`<div role="status" class="message ${result.passes ? '' : 'danger'}" data-contrast=${result.passes ? 'passes' : 'fails'}>
      <p>
        ${
          result.passes
            ? msg('Kontrast ausreichend (WCAG 2.1 AA, mindestens 4,5 : 1).')
            : msg('Kontrast zu gering: Das ist für viele Menschen schwer lesbar (WCAG 2.1 AA verlangt 4,5 : 1).')
        }
      </p>
      <ul class="contrast">
        ${result.checks.map(
          (check) =>
            html`<li class=${check.passes ? '' : 'fails'}>${describe(check)}: ${ratio(check)} : 1 ${check.passes ? msg('– gut') : msg('– zu wenig')}</li>`,
        )}
      </ul>
      ${
        result.suggestion
          ? html`<p>
            <button class="button" type="button" @click=${() => this.#setTheme({ ...this.choices.theme, color: result.suggestion })}>
              ${msg(str`Vorschlag übernehmen: ${result.suggestion}`)}
            </button>
          </p>`
          : nothing
      }
      ${
        !result.passes && !result.suggestion && !theme
          ? html`<p>${msg('Keine Farbe ist auf hellem und dunklem Grund zugleich gut lesbar: Legen Sie „hell“ oder „dunkel“ fest.')}</p>`
          : nothing
      }
    </div>`;
  }

  #preview(): TemplateResult {
    return html`<section aria-labelledby="preview-heading">
      <h2 id="preview-heading">${msg('Vorschau')}</h2>
      <fieldset class="inline">
        <legend class="visually-hidden">${msg('Breite der Vorschau')}</legend>
        <label class="check"><input type="radio" name="width" .checked=${!this.narrow} @change=${() => (this.narrow = false)} /> ${msg('breit')}</label>
        <label class="check"><input type="radio" name="width" .checked=${this.narrow} @change=${() => (this.narrow = true)} /> ${msg('schmal (Handy, 320 px)')}</label>
      </fieldset>
      ${this.#missing() ? this.#chooseFirst(this.#missing()!) : nothing}
      <div ?hidden=${Boolean(this.#missing())} class="frame ${this.narrow ? 'narrow' : ''}" data-preview role="region" tabindex="0" aria-label=${msg('Vorschau des Widgets')}></div>
    </section>`;
  }

  #snippets(): TemplateResult {
    return html`<section aria-labelledby="snippets-heading">
      <h2 id="snippets-heading">${msg('Code zum Einfügen')}</h2>
      <div role="status" class="visually-hidden">${this.copied ? msg(str`${this.copied} ist in der Zwischenablage.`) : ''}</div>
      ${this.#missing() ? this.#chooseFirst(this.#missing()!) : nothing}
      ${
        this.#missing()
          ? nothing
          : this.#manifest.render({
              skeleton: () => html`<p>${skeletonText('40ch')}</p><p>${skeletonText('60ch')}</p>`,
              complete: (manifest) => {
                const hub = this.#hubUrl;
                const script = scriptSnippet(manifest, hub, this.choices);
                const styles = themeCss(this.choices);
                const title = widgetTitle(this.choices.widget);
                return html`${
                  script
                    ? this.#snippet(
                        'script',
                        msg('A. Skript und Element (empfohlen)'),
                        script,
                        html`<li>${msg('WordPress: Block „Individuelles HTML“ (braucht das Recht, ungefiltertes HTML einzufügen).')}</li>
                    <li>${msg('TYPO3: Inhaltselement „Reines HTML“ (HTML); oder im Seiten-Template.')}</li>
                    <li>${msg('Baukasten-Seiten: Element „HTML/Code einbetten“; erlaubt es kein Skript, nehmen Sie B.')}</li>
                    <li>${msg('Jede Datei wird vom Browser mit ihrem Integritäts-Hash geprüft.')}</li>`,
                      )
                    : nothing
                }
          ${
            script && styles
              ? this.#snippet(
                  'css',
                  msg('A. dazu: Farben als CSS'),
                  styles,
                  html`<li>${msg('In das Stylesheet Ihrer Seite, z. B. WordPress: Design → Customizer → Zusätzliches CSS; TYPO3: CSS-Datei des Site-Packages.')}</li>
                    <li>${msg('Erlaubt Ihre Seite Inline-Styles, geht es auch in einem <style>-Block über dem Element.')}</li>`,
                )
              : nothing
          }
          ${this.#snippet(
            'iframe',
            msg('B. Iframe (wenn der Editor Skripte entfernt)'),
            iframeSnippet(manifest, hub, this.choices, title),
            html`<li>${msg('WordPress: Block „Individuelles HTML“ oder „Einbetten“; TYPO3: „Reines HTML“.')}</li>
              <li>${msg('Baukästen: Element „Iframe“ oder „Webseite einbetten“ – dort nur die Adresse aus src= eintragen.')}</li>
              ${manifest.files['sr-embed.js'] ? html`<li>${msg('Das Skript passt die Höhe dem Inhalt an; ohne es bleibt sie fest und der Rahmen scrollt.')}</li>` : nothing}`,
          )}
          ${this.#snippet(
            'link',
            msg('C. Link (wenn weder Skript noch Iframe geht)'),
            linkSnippet(hub, this.choices, linkText(this.choices.widget)),
            html`<li>${msg('Überall, wo Links erlaubt sind; das Widget öffnet sich auf einer eigenen Seite des Hubs.')}</li>`,
          )}`;
              },
            })
      }
    </section>`;
  }

  #snippet(id: string, heading: string, code: string, where: TemplateResult): TemplateResult {
    return html`<div class="snippet" data-snippet=${id}>
      <h3 id="${id}-heading">${heading}</h3>
      <pre tabindex="0" aria-labelledby="${id}-heading"><code>${code}</code></pre>
      <div class="actions">
        <button class="button" type="button" aria-describedby="${id}-heading" @click=${() => this.#copy(heading, code)}>${msg('Kopieren')}</button>
      </div>
      <details>
        <summary>${msg('Wo einfügen?')}</summary>
        <ul>
          ${where}
        </ul>
      </details>
    </div>`;
  }

  async #copy(heading: string, code: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(code);
      this.copied = heading;
    } catch {
      // Without clipboard access (an old browser, a denied permission): select the code to copy by hand.
      const pre = this.renderRoot.querySelector(`[data-snippet] pre code`);
      if (pre) getSelection()?.selectAllChildren(pre);
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('choices') || changed.has('hubUrl')) void this.#showPreview();
  }

  /**
   * The theme's custom properties on the preview's frame, through the CSSOM: the page's policy
   * allows no `style` attribute, as a careful site's would not.
   */
  #applyTheme(frame: HTMLElement): void {
    const properties = themeProperties(this.choices.theme);
    for (const name of ['--sr-color-primary', '--sr-color-on-primary', '--sr-radius']) {
      const value = properties[name];
      if (value) frame.style.setProperty(name, value);
      else frame.style.removeProperty(name);
    }
  }

  /** The real widget, from this Hub's CDN files, with the chosen attributes (the theme is on its frame). */
  async #showPreview(): Promise<void> {
    const frame = this.renderRoot.querySelector<HTMLElement>('[data-preview]');
    if (frame) this.#applyTheme(frame);
    const manifest = this.#manifest.value ?? (await this.#manifest.complete.catch(() => undefined));
    if (!frame || !manifest) return;
    const { widget, attributes, theme } = this.choices;
    const tag = `sr-${widget}`;
    if (this.#missing()) return void frame.replaceChildren();
    if (!manifest.files[`${tag}.js`]) return;
    await import(/* @vite-ignore */ `${this.#hubUrl}/widgets/${manifest.version}/${tag}.js`);
    if (
      this.choices !== undefined &&
      (this.choices.widget !== widget || this.choices.attributes !== attributes || this.choices.theme !== theme)
    )
      return;
    const element = document.createElement(tag);
    element.setAttribute('hub-url', this.#hubUrl);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    if (theme.lang) element.setAttribute('lang', theme.lang);
    if (theme.theme) element.setAttribute('theme', theme.theme);
    frame.replaceChildren(element);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-configure': SrConfigure;
  }
}
