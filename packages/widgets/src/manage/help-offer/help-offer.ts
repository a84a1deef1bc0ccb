import { msg, str } from '@lit/localize';
import { versionOf, type Schema } from '@smart-region/sdk';
import { css, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { FocusAfterUpdate } from '../../core/focus.js';
import { skeletonText } from '../../core/states.js';
import '../../help-finder/define.js';
import { easyReadSummaryField, easyReadSummaryLabel } from '../shared/easy-read-summary.js';
import { FormController, publishedField, selectField, textAreaField, textField } from '../shared/form.js';
import { ManageElement } from '../shared/manage-element.js';
import { deleteQuestion } from '../shared/delete-question.js';
import { DraftPreview } from '../shared/draft-preview.js';
import { embedLink } from '../shared/embed-link.js';
import { allMunicipalities } from '../shared/municipalities.js';
import { itemPath, navigate, organizationPath } from '../shared/navigation.js';
import { organizationHeader } from '../shared/organization-nav.js';
import type { Me } from '../shared/session-events.js';
import { hoursEditor, lines } from './hours-editor.js';
import {
  emptyLocation,
  emptyPhone,
  newOfferDraft,
  offerDraftFrom,
  offerFieldOf,
  offerInputFrom,
  offerProblems,
  type Audience,
  type Cost,
  type LocationDraft,
  type OfferDraft,
  type ServiceArea,
} from './offer-draft.js';
import { answerFinder } from './offer-preview.js';
import { verificationLine } from './verification.js';
import { topicPicker } from './topic-picker.js';

type HelpOffer = Schema<'HelpOffer'>;
type Municipality = Schema<'Municipality'>;

const replaced = <T>(list: readonly T[], index: number, item: T): T[] => list.map((old, at) => (at === index ? item : old));
const without = <T>(list: readonly T[], index: number): T[] => list.filter((_, at) => at !== index);

/** Every field of a draft in the order of the form: the error summary's order. */
function fieldsOf(draft: OfferDraft): string[] {
  return [
    'name',
    'description',
    'easyReadSummary',
    'topics',
    'audiences',
    'eligibilityDescription',
    'languages',
    'cost',
    'feesDescription',
    'anonymous',
    'barrierFree',
    'accessibility',
    'serviceArea',
    'crisis',
    'url',
    'email',
    ...draft.phones.flatMap((_, index) => [`phones-${index}-number`, `phones-${index}-description`]),
    'chatUrl',
    'walkIn',
    ...draft.locations.flatMap((_, index) => ['name', 'address', 'municipalityId', 'lat', 'lon'].map((key) => `locations-${index}-${key}`)),
    ...draft.hours.periods.flatMap((_, index) => ['days', 'opensAt', 'closesAt'].map((key) => `periods-${index}-${key}`)),
    ...draft.hours.exceptions.flatMap((_, index) =>
      ['date', 'opensAt', 'closesAt', 'description'].map((key) => `exceptions-${index}-${key}`),
    ),
    'hoursDescription',
    'published',
  ];
}

/**
 * A help offer of an organization, new or to edit: the HSDS-shaped form (topics with search,
 * audiences, languages, cost, access, contact channels, places with a municipality, opening
 * hours), drafts and publishing, "Angaben geprüft" (today as the last-verified date), deleting
 * after a confirmation, every change with `If-Match`; beside it the real help finder showing what
 * a save would make of the fields as typed (draft or not, saved or not).
 */
export class SrManageHelpOffer extends ManageElement {
  static override properties: PropertyDeclarations = {
    me: { attribute: false },
    organizationId: { attribute: false },
    itemId: { attribute: false },
    draft: { state: true },
    offer: { state: true },
    topicQuery: { state: true },
    confirmingDelete: { state: true },
    done: { state: true },
    current: { state: true },
  };

  static override styles = [
    ManageElement.styles,
    css`
      .editor {
        display: grid;
        gap: var(--_space-5);
      }
      @media (min-width: 72rem) {
        .editor {
          grid-template-columns: minmax(0, 38rem) minmax(0, 1fr);
          align-items: start;
        }
      }
      .form textarea {
        min-block-size: 6rem;
      }
      .days,
      .times {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space-2) var(--_space-4);
      }
      .day {
        display: inline-flex;
        align-items: center;
        gap: var(--_space-1);
        min-block-size: 2.75rem;
      }
      .day input,
      .checks input {
        inline-size: 1.25rem;
        block-size: 1.25rem;
        accent-color: var(--_color-primary);
      }
      .hours-line fieldset {
        display: grid;
        gap: var(--_space-3);
        justify-items: start;
      }
      .hours-line .field {
        justify-self: stretch;
      }
      .topic-choices label {
        font-weight: 400;
      }
      .topic-choices :not(.child) > label {
        font-weight: 600;
      }
      .topic-choices {
        max-block-size: 16rem;
        overflow-y: auto;
        padding: var(--_space-1) var(--_space-2);
        border: 1px solid var(--_color-border);
        border-radius: var(--_radius);
      }
      .topic-choices .child {
        padding-inline-start: var(--_space-3);
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space-2);
        margin-block-start: var(--_space-2);
      }
      .chip {
        overflow-wrap: anywhere;
      }
      .checks {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
        gap: 0 var(--_space-3);
      }
      .warning {
        border-inline-start-color: var(--_color-danger);
      }
      .preview {
        display: grid;
        gap: var(--_space-3);
        min-inline-size: 0;
      }
      .preview h2 {
        margin: 0;
      }
    `,
  ];

  declare me: Me | undefined;
  /** The organization's id or slug, from the address. */
  declare organizationId: string;
  /** The item to edit; `undefined` for a new one. */
  declare itemId: string | undefined;
  /** What the form shows and the person types, kept through every refusal. */
  declare private draft: OfferDraft | undefined;
  /** The offer as last saved or loaded (its version for `If-Match`); `undefined` while new. */
  declare private offer: HelpOffer | undefined;
  declare private topicQuery: string;
  declare private confirmingDelete: boolean;
  declare private done: string | undefined;
  /** After a 412: the offer as someone else saved it meanwhile, shown beside what was typed. */
  declare private current: HelpOffer | undefined;

  /** The fields of the draft as it is now; the form's summary and the Hub's pointers use them. */
  readonly #fields: string[] = [];
  readonly #form = new FormController<string>(this, {
    fields: this.#fields,
    format: () => this.format,
    fieldOf: offerFieldOf,
    onStale: () => void this.#showCurrent(),
  });
  readonly #action = new FormController<never>(this, { fields: [], format: () => this.format, onStale: () => void this.#showCurrent() });
  readonly #focus = new FocusAfterUpdate(this);

  readonly #loaded = this.fetchTask({
    args: () => [this.itemId] as const,
    fetch: async (hub, [itemId], signal): Promise<HelpOffer | null> => {
      if (itemId === undefined) {
        this.#show(undefined);
        return null;
      }
      // Saved just now (a new offer's address replaced): the answer of the save is the newest.
      if (this.offer?.id === itemId) return this.offer;
      const offer = await hub.GET('/help-offers/{helpOfferId}', { params: { path: { helpOfferId: itemId } }, signal });
      this.#show(offer);
      return offer;
    },
    isEmpty: () => false,
    keepForOtherArgs: false,
  });

  readonly #topics = this.fetchTask({
    args: () => [] as const,
    fetch: async (hub, _args, signal) => (await hub.GET('/help-topics', { signal })).items,
    isEmpty: () => false,
  });

  readonly #municipalities = this.fetchTask({
    args: () => [] as const,
    fetch: (hub, _args, signal) => allMunicipalities(hub, signal),
    isEmpty: () => false,
  });

  readonly #preview = new DraftPreview(this, {
    task: (options) => this.fetchTask(options),
    input: () => this.draft && { offer: this.#inputOf(this.draft), replaces: this.offer?.id },
    load: (hub, body, signal) =>
      hub.POST('/organizations/{organizationId}/help-offers/preview', {
        params: { path: { organizationId: this.organizationId } },
        body,
        signal,
      }),
    answer: (offer, request) => answerFinder(offer, this.#topics.value ?? [], request),
    hubUrl: () => this.hubUrl ?? location.origin,
    locale: () => this.locale,
  });

  constructor() {
    super();
    this.organizationId = '';
    this.topicQuery = '';
    this.confirmingDelete = false;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.draft) this.#fields.splice(0, this.#fields.length, ...fieldsOf(this.draft));
  }

  /** The form for `offer` (or a new one), forgetting the messages about what was shown before. */
  #show(offer: HelpOffer | undefined): void {
    this.offer = offer;
    this.draft = offer ? offerDraftFrom(offer) : newOfferDraft();
    this.confirmingDelete = false;
    this.current = undefined;
    this.#form.reset();
  }

  /** A change to the draft; `focus` names what to focus after the update (a line just added). */
  #edit(changes: Partial<OfferDraft>, focus?: string): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, ...changes };
    // Each key is a field or a group of them: the form is unsaved, and the field's message goes.
    for (const key of Object.keys(changes)) this.#form.changed(key);
    this.done = undefined;
    if (focus) this.#focus.request(focus);
  }

  protected override render(): TemplateResult {
    const title = this.itemId === undefined ? msg('Neues Hilfsangebot') : (this.offer?.name ?? msg('Hilfsangebot'));
    return html`${organizationHeader(this.me, this.organizationId, 'help-offers', title)}
      <p><a href=${organizationPath(this.organizationId, 'help-offers')}>← ${msg('Alle Hilfsangebote')}</a></p>
      ${this.#loaded.render({
        skeleton: () => html`<p>${skeletonText('40ch')}</p><p>${skeletonText('60ch')}</p>`,
        complete: () => (this.draft ? this.#editor(this.draft) : nothing),
      })}`;
  }

  #editor(draft: OfferDraft): TemplateResult {
    return html`<div class="editor">
      <div>
        <div role="status">${this.done ? html`<p class="message">${this.done}</p>` : nothing}</div>
        ${this.offer ? this.#verification(this.offer) : nothing}
        ${this.#form.summary(this.#labels(draft))}
        <form class="form" novalidate @submit=${(event: Event) => {
          event.preventDefault();
          void this.#save();
        }}>
          ${this.#about(draft)} ${this.#access(draft)} ${this.#contact(draft)} ${this.#places(draft)}
          ${hoursEditor({
            form: this.#form,
            hours: draft.hours,
            change: (hours, focus) => this.#edit({ hours }, focus),
            dateLabel: (day) => this.format.calendarDate(day),
          })}
          ${publishedField(this.#form, draft.published, msg('Im Hilfefinder für alle sichtbar.'), (published) => this.#edit({ published }))}
          ${this.#form.failureMessage()} ${this.current ? this.#currentVersion(this.current, draft) : nothing}
          <div class="actions">${this.#form.submitButton(msg('Speichern'), msg('Wird gespeichert …'))}</div>
        </form>
        ${this.offer ? this.#deletion(this.offer) : nothing}
      </div>
      ${this.#previewSection(draft)}
    </div>`;
  }

  /** Every field's name for the error summary. */
  #labels(draft: OfferDraft): Record<string, string> {
    const labels: Record<string, string> = {
      name: msg('Name'),
      description: msg('Beschreibung'),
      easyReadSummary: easyReadSummaryLabel(),
      topics: msg('Themen'),
      audiences: msg('Für wen'),
      eligibilityDescription: msg('Voraussetzungen'),
      languages: msg('Sprachen'),
      cost: msg('Kosten'),
      feesDescription: msg('Kosten in Worten'),
      accessibility: msg('Barrierefreiheit in Worten'),
      serviceArea: msg('Für welches Gebiet'),
      crisis: msg('Krisendienst'),
      url: msg('Website'),
      email: msg('E-Mail'),
      chatUrl: msg('Chat'),
      hoursDescription: msg('Öffnungszeiten in Worten'),
      published: msg('Sichtbarkeit'),
    };
    draft.phones.forEach((_, index) => {
      labels[`phones-${index}-number`] = msg(str`Telefon ${index + 1}`);
      labels[`phones-${index}-description`] = msg(str`Telefon ${index + 1}: wofür`);
    });
    draft.locations.forEach((_, index) => {
      for (const key of ['name', 'address', 'municipalityId', 'lat', 'lon'])
        labels[`locations-${index}-${key}`] = msg(str`Ort ${index + 1}`);
    });
    draft.hours.periods.forEach((_, index) => {
      for (const key of ['days', 'opensAt', 'closesAt']) labels[`periods-${index}-${key}`] = msg(str`Öffnungszeit ${index + 1}`);
    });
    draft.hours.exceptions.forEach((_, index) => {
      for (const key of ['date', 'opensAt', 'closesAt', 'description'])
        labels[`exceptions-${index}-${key}`] = msg(str`Ausnahme ${index + 1}`);
    });
    return labels;
  }

  /** A yes/no of the offer, with what it means. */
  #check(name: 'anonymous' | 'barrierFree' | 'crisis' | 'walkIn', label: string, hint: string, checked: boolean): TemplateResult {
    const error = this.#form.errors[name];
    return html`<div class="choice">
      <input
        type="checkbox"
        id=${name}
        aria-describedby="${name}-hint${error ? ` ${name}-error` : ''}"
        aria-invalid=${error ? 'true' : 'false'}
        .checked=${checked}
        @change=${(event: Event) => {
          this.#edit({ [name]: (event.target as HTMLInputElement).checked });
          this.#form.changed(name);
        }}
      />
      <label for=${name}>${label}</label>
      <span class="hint" id="${name}-hint">${hint}</span>
      ${error ? html`<span class="field-error" id="${name}-error">${error}</span>` : nothing}
    </div>`;
  }

  #about(draft: OfferDraft): TemplateResult {
    const audiences: [Audience, string][] = [
      ['children', msg('Kinder')],
      ['youth', msg('Jugendliche')],
      ['adults', msg('Erwachsene')],
      ['seniors', msg('Seniorinnen und Senioren')],
      ['families', msg('Familien und Eltern')],
      ['relatives', msg('Angehörige')],
      ['women', msg('Frauen')],
      ['men', msg('Männer')],
    ];
    return html`<fieldset class="form">
      <legend><h2>${msg('Das Angebot')}</h2></legend>
      ${textField(this.#form, 'name', msg('Name'), draft.name, (name) => this.#edit({ name }), { required: true, maxlength: 200 })}
      ${textAreaField(this.#form, 'description', msg('Beschreibung'), draft.description, (description) => this.#edit({ description }), {
        required: true,
        maxlength: 5000,
        hint: msg('Was bietet das Angebot, und wem hilft es? In einfachen Worten.'),
      })}
      ${easyReadSummaryField(this.#form, draft.easyReadSummary, (easyReadSummary) => this.#edit({ easyReadSummary }))}
      ${this.#topics.render({
        skeleton: () => html`<p>${skeletonText('30ch')}</p>`,
        complete: (topics) =>
          topicPicker({
            form: this.#form,
            topics,
            chosen: draft.topics,
            query: this.topicQuery,
            locale: this.locale,
            search: (query) => (this.topicQuery = query),
            choose: (chosen, focus) => this.#edit({ topics: chosen }, focus),
          }),
      })}
      <fieldset class="field">
        <legend>${msg('Für wen')}</legend>
        <div class="checks">
          ${audiences.map(
            ([audience, label], index) => html`<div class="choice">
              <input
                type="checkbox"
                id=${index === 0 ? 'audiences' : `audiences-${audience}`}
                .checked=${draft.audiences.includes(audience)}
                @change=${(event: Event) => {
                  const on = (event.target as HTMLInputElement).checked;
                  this.#edit({ audiences: on ? [...draft.audiences, audience] : draft.audiences.filter((chosen) => chosen !== audience) });
                }}
              />
              <label for=${index === 0 ? 'audiences' : `audiences-${audience}`}>${label}</label>
            </div>`,
          )}
        </div>
      </fieldset>
      ${textAreaField(
        this.#form,
        'eligibilityDescription',
        msg('Voraussetzungen (freiwillig)'),
        draft.eligibilityDescription,
        (eligibilityDescription) => this.#edit({ eligibilityDescription }),
        {
          maxlength: 1000,
          hint: msg('z. B. „Für Menschen mit Wohnsitz im Landkreis Würzburg“'),
        },
      )}
      ${textField(this.#form, 'languages', msg('Sprachen'), draft.languages, (languages) => this.#edit({ languages }), {
        hint: this.#languagesHint(draft.languages),
      })}
    </fieldset>`;
  }

  /** The language codes typed, in words, so a slip shows ("de, en, tr: Deutsch, Englisch, Türkisch"). */
  #languagesHint(value: string): string {
    const example = msg('Sprachkürzel mit Komma, z. B. de, en, tr, uk; gsg für Deutsche Gebärdensprache.');
    let names: string[] = [];
    try {
      const display = new Intl.DisplayNames([this.locale], { type: 'language', fallback: 'none' });
      names = value
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map((tag) => display.of(tag) ?? tag);
    } catch {
      return example;
    }
    return names.length ? `${example} ${msg(str`Jetzt: ${names.join(', ')}.`)}` : example;
  }

  #access(draft: OfferDraft): TemplateResult {
    const costs: [Cost, string][] = [
      ['free', msg('kostenlos')],
      ['low', msg('geringer Eigenanteil')],
      ['fee', msg('mit Gebühren')],
    ];
    const areas: [ServiceArea, string][] = [
      ['local', msg('vor Ort: für Menschen in der Nähe der Orte unten')],
      ['region', msg('Stadt und Landkreis Würzburg')],
      ['nationwide', msg('bundesweit (Telefon, online)')],
    ];
    return html`<fieldset class="form">
      <legend><h2>${msg('Zugang')}</h2></legend>
      ${selectField(this.#form, 'cost', msg('Kosten'), draft.cost, costs, (cost) => this.#edit({ cost: cost as Cost }))}
      ${textField(
        this.#form,
        'feesDescription',
        msg('Kosten in Worten (freiwillig)'),
        draft.feesDescription,
        (feesDescription) => this.#edit({ feesDescription }),
        {
          maxlength: 500,
          hint: msg('z. B. „5 € je Treffen, auf Wunsch ermäßigt“'),
        },
      )}
      ${this.#check('anonymous', msg('Anonym möglich'), msg('Man muss seinen Namen nicht nennen.'), draft.anonymous)}
      ${this.#check('barrierFree', msg('Barrierefrei'), msg('Stufenlos erreichbar, oder ganz per Telefon oder online nutzbar.'), draft.barrierFree)}
      ${textField(
        this.#form,
        'accessibility',
        msg('Barrierefreiheit in Worten (freiwillig)'),
        draft.accessibility,
        (accessibility) => this.#edit({ accessibility }),
        {
          maxlength: 1000,
          hint: msg('z. B. Aufzug, Induktionsschleife, Gebärdensprache'),
        },
      )}
      ${this.#check('walkIn', msg('Offene Sprechstunde'), msg('Man kann zu den Öffnungszeiten ohne Termin kommen.'), draft.walkIn)}
      ${selectField(this.#form, 'serviceArea', msg('Für welches Gebiet'), draft.serviceArea, areas, (area) => this.#edit({ serviceArea: area as ServiceArea }))}
      ${this.#check('crisis', msg('Krisendienst'), msg('Rund um die Uhr erreichbar in akuten Krisen; der Hilfefinder zeigt ihn dann zuerst.'), draft.crisis)}
    </fieldset>`;
  }

  #contact(draft: OfferDraft): TemplateResult {
    return html`<fieldset class="form">
      <legend><h2>${msg('Kontakt')}</h2></legend>
      ${textField(this.#form, 'url', msg('Website'), draft.url, (url) => this.#edit({ url }), { type: 'url', hint: msg('beginnend mit https://') })}
      ${textField(this.#form, 'email', msg('E-Mail'), draft.email, (email) => this.#edit({ email }), { type: 'email', maxlength: 254 })}
      ${lines(
        draft.phones.map((phone, index) => {
          const set = (changes: Partial<typeof phone>) => this.#edit({ phones: replaced(draft.phones, index, { ...phone, ...changes }) });
          return html`<li class="card">
            ${textField(this.#form, `phones-${index}-number`, msg(str`Telefon ${index + 1}`), phone.number, (number) => set({ number }), {
              type: 'tel',
              hint: msg('wie man wählt, z. B. 0931 123 45'),
            })}
            ${textField(
              this.#form,
              `phones-${index}-description`,
              msg('wofür (freiwillig)'),
              phone.description,
              (description) => set({ description }),
              {
                maxlength: 200,
                hint: msg('z. B. „Terminvereinbarung“'),
              },
            )}
            <div>
              <button class="button" type="button" @click=${() => this.#edit({ phones: without(draft.phones, index) }, '#add-phone')}>
                ${msg(str`Telefon ${index + 1} entfernen`)}
              </button>
            </div>
          </li>`;
        }),
      )}
      <p>
        <button class="button" type="button" id="add-phone" @click=${() => this.#edit({ phones: [...draft.phones, emptyPhone()] }, `#phones-${draft.phones.length}-number`)}>
          ${msg('Telefonnummer hinzufügen')}
        </button>
      </p>
      ${textField(this.#form, 'chatUrl', msg('Chat (freiwillig)'), draft.chatUrl, (chatUrl) => this.#edit({ chatUrl }), { type: 'url', hint: msg('Adresse des Chats, beginnend mit https://') })}
    </fieldset>`;
  }

  #places(draft: OfferDraft): TemplateResult {
    return html`<fieldset class="form">
      <legend><h2>${msg('Orte')}</h2></legend>
      <p class="hint">${msg('Wo man das Angebot findet. Ohne Koordinaten zeigt der Hilfefinder den Ort in der Mitte seiner Gemeinde.')}</p>
      ${this.#municipalities.render({
        skeleton: () => html`<p>${skeletonText('30ch')}</p>`,
        complete: (municipalities) => lines(draft.locations.map((location, index) => this.#place(draft, location, index, municipalities))),
      })}
      <p>
        <button
          class="button"
          type="button"
          id="add-location"
          @click=${() => this.#edit({ locations: [...draft.locations, emptyLocation()] }, `#locations-${draft.locations.length}-name`)}
        >
          ${msg('Ort hinzufügen')}
        </button>
      </p>
    </fieldset>`;
  }

  #place(draft: OfferDraft, location: LocationDraft, index: number, municipalities: Municipality[]): TemplateResult {
    const set = (changes: Partial<LocationDraft>) =>
      this.#edit({ locations: replaced(draft.locations, index, { ...location, ...changes }) });
    const municipality = municipalities.find((item) => item.id === location.municipalityId);
    const field = (key: string) => `locations-${index}-${key}`;
    return html`<li class="card">
      <fieldset class="form">
        <legend>${msg(str`Ort ${index + 1}`)}</legend>
        ${textField(this.#form, field('name'), msg('Name des Orts (freiwillig)'), location.name, (name) => set({ name }), { maxlength: 200, hint: msg('z. B. „Pfarrheim St. Norbert“') })}
        ${textField(this.#form, field('address'), msg('Adresse'), location.address, (address) => set({ address }), {
          maxlength: 300,
          autocomplete: 'street-address',
          hint: msg('Straße, Postleitzahl und Ort'),
        })}
        ${selectField(
          this.#form,
          field('municipalityId'),
          msg('Gemeinde'),
          location.municipalityId,
          municipalities.map((item) => [item.id, item.name] as const),
          (municipalityId) => set({ municipalityId }),
          { placeholder: msg('– keine –') },
        )}
        <div class="times">
          ${textField(this.#form, field('lat'), msg('Breitengrad (freiwillig)'), location.lat, (lat) => set({ lat }), { hint: msg('z. B. 49,7913') })}
          ${textField(this.#form, field('lon'), msg('Längengrad (freiwillig)'), location.lon, (lon) => set({ lon }), { hint: msg('z. B. 9,9534') })}
        </div>
        <div class="actions">
          ${
            municipality
              ? html`<button
                class="button"
                type="button"
                @click=${() => set({ lat: this.format.number(municipality.center.lat, { maximumFractionDigits: 5 }), lon: this.format.number(municipality.center.lon, { maximumFractionDigits: 5 }) })}
              >
                ${msg(str`Mitte von ${municipality.name} übernehmen`)}
              </button>`
              : nothing
          }
          <button class="button" type="button" @click=${() => this.#edit({ locations: without(draft.locations, index) }, '#add-location')}>
            ${msg(str`Ort ${index + 1} entfernen`)}
          </button>
        </div>
      </fieldset>
    </li>`;
  }

  /** The last-verified date, a warning when it is over a year old, and "Angaben geprüft". */
  #verification(offer: HelpOffer): TemplateResult {
    const line = verificationLine(offer.assuredDate, this.format);
    return html`<div class="message ${line.stale ? 'warning' : ''}">
      <p>${line.text}</p>
      <p class="hint">${msg('Stimmen alle Angaben noch? Dann bestätigen Sie es: der Hilfefinder zeigt das Datum als „Stand“.')}</p>
      ${this.#action.failureMessage()}
      <button class="button" type="button" aria-disabled=${this.#action.sending ? 'true' : 'false'} @click=${() => void this.#assure(offer)}>
        ${msg('Angaben geprüft')}
      </button>
    </div>`;
  }

  #deletion(offer: HelpOffer): TemplateResult {
    return deleteQuestion({
      asking: this.confirmingDelete,
      setAsking: (asking) => (this.confirmingDelete = asking),
      label: msg('Angebot löschen'),
      question: msg(str`„${offer.name}“ wirklich löschen? Das lässt sich nicht rückgängig machen.`),
      action: this.#action,
      focus: this.#focus,
      remove: () => void this.#delete(offer),
    });
  }

  /** The real help finder showing what a save would make of the fields as typed now. */
  #previewSection(draft: OfferDraft): TemplateResult {
    return html`<section class="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">${msg('Vorschau im Hilfefinder')}</h2>
      <p class="hint">
        ${msg('So erscheint das Angebot im Hilfefinder, mit Ihren Eingaben – auch ungespeichert.')}
        ${draft.published ? nothing : msg('Als Entwurf ist es noch nicht öffentlich: im Hilfefinder erscheint es erst, wenn Sie es veröffentlichen.')}
      </p>
      ${this.#preview.render(
        // The quick exit would leave the workspace with unsaved typing: here it stays on the page.
        () => html`<sr-help-finder @sr-quick-exit=${(event: Event) => event.preventDefault()}></sr-help-finder>`,
        msg('Die Vorschau erscheint, sobald das Formular geladen ist.'),
      )}
      ${this.offer ? embedLink('help-finder', { q: this.offer.name }) : nothing}
    </section>`;
  }

  /** After a 412: which parts of the stored offer differ from what was typed, and taking it over instead. */
  #currentVersion(current: HelpOffer, draft: OfferDraft): TemplateResult {
    const stored = offerDraftFrom(current);
    const parts: [keyof OfferDraft, string][] = [
      ['name', msg('Name')],
      ['description', msg('Beschreibung')],
      ['easyReadSummary', easyReadSummaryLabel()],
      ['topics', msg('Themen')],
      ['audiences', msg('Für wen')],
      ['languages', msg('Sprachen')],
      ['cost', msg('Kosten')],
      ['phones', msg('Kontakt')],
      ['email', msg('E-Mail')],
      ['url', msg('Website')],
      ['locations', msg('Orte')],
      ['hours', msg('Öffnungszeiten')],
      ['published', msg('Sichtbarkeit')],
    ];
    const differing = parts.filter(([key]) => JSON.stringify(stored[key]) !== JSON.stringify(draft[key])).map(([, label]) => label);
    return html`<section class="message" aria-labelledby="current-heading" tabindex="-1" data-current>
      <h2 id="current-heading">${msg('Die aktuelle Fassung')}</h2>
      <p>
        ${differing.length ? msg(str`Sie weicht von Ihren Eingaben ab bei: ${differing.join(', ')}.`) : msg('Sie stimmt in den wichtigsten Angaben mit Ihren Eingaben überein.')}
      </p>
      <p>${msg('„Speichern“ ersetzt diese Fassung durch Ihre Eingaben.')}</p>
      <div class="actions">
        <button class="button" type="button" @click=${() => this.#show(current)}>${msg('Meine Eingaben verwerfen und die aktuelle Fassung übernehmen')}</button>
      </div>
    </section>`;
  }

  /** Loads the offer as stored now; a save then replaces that version, knowingly. */
  async #showCurrent(): Promise<void> {
    const offer = this.offer;
    if (!offer) return;
    // Through the action's controller: a successful send marks its form saved, and the typing is not.
    const current = await this.#action.submit(
      () => ({}),
      () => this.client.GET('/help-offers/{helpOfferId}', { params: { path: { helpOfferId: offer.id } } }),
    );
    if (!current) return;
    this.offer = current;
    this.current = current;
    this.#focus.request('[data-current]');
  }

  /** What a save sends of `draft`; the preview shows the same. */
  #inputOf(draft: OfferDraft): Schema<'HelpOfferInput'> {
    const centres = new Map((this.#municipalities.value ?? []).map((municipality) => [municipality.id, municipality.center]));
    return offerInputFrom(draft, centres);
  }

  async #save(): Promise<void> {
    const draft = this.draft;
    if (!draft) return;
    const body = this.#inputOf(draft);
    const offer = this.offer;
    const saved = await this.#form.submit(
      () => offerProblems(draft),
      () =>
        offer
          ? this.client.PATCH('/help-offers/{helpOfferId}', {
              params: { path: { helpOfferId: offer.id }, header: { 'If-Match': versionOf(offer) } },
              body,
            })
          : this.client.POST('/organizations/{organizationId}/help-offers', {
              params: { path: { organizationId: this.organizationId } },
              body,
            }),
    );
    if (!saved) return;
    this.#show(saved);
    this.done = saved.published ? msg('Gespeichert und veröffentlicht.') : msg('Als Entwurf gespeichert.');
    if (!offer) navigate(itemPath(this.organizationId, 'help-offer', saved.id), { replace: true });
  }

  /** Today (Europe/Berlin) as the last-verified date; what is typed in the form stays as it is. */
  async #assure(offer: HelpOffer): Promise<void> {
    const saved = await this.#action.submit(
      () => ({}),
      () =>
        this.client.PATCH('/help-offers/{helpOfferId}', {
          params: { path: { helpOfferId: offer.id }, header: { 'If-Match': versionOf(offer) } },
          body: { assuredDate: this.format.day(new Date()) },
        }),
    );
    if (!saved) return;
    this.offer = saved;
    this.#preview.refresh();
    this.done = msg(str`Als geprüft vermerkt: Stand ${this.format.calendarDate(saved.assuredDate ?? '')}.`);
  }

  async #delete(offer: HelpOffer): Promise<void> {
    const deleted = await this.#action.submit(
      () => ({}),
      async () => {
        await this.client.DELETE('/help-offers/{helpOfferId}', {
          params: { path: { helpOfferId: offer.id }, header: { 'If-Match': versionOf(offer) } },
        });
        return true;
      },
    );
    if (deleted) navigate(organizationPath(this.organizationId, 'help-offers'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sr-manage-help-offer': SrManageHelpOffer;
  }
}
