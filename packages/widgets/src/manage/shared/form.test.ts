import { expect, fixture, html as fixtureHtml, waitUntil } from '@open-wc/testing';
import { createHubClient, versionOf, type HubClient, type Schema } from '@smart-region/sdk';
import { html, LitElement, type TemplateResult } from 'lit';
import { formats } from '../../core/format.js';
import { testServers } from '../../../test/test-servers.js';
import { FormController, textField } from './form.js';
import { $, focused, submit, textOf, type } from './test-support.js';
import { hasUnsavedChange, mayLeave } from './unsaved-changes.js';

type Field = 'name' | 'website';

/**
 * A form as a screen builds one, editing an organization on the test Hub with the admin token:
 * what FormController gives every form of the pages is tested here once.
 */
class TestProfileForm extends LitElement {
  static override properties = { name: { state: true }, website: { state: true } };
  declare name: string;
  declare website: string;
  client!: HubClient;
  organization!: Schema<'Organization'>;
  staleShown = 0;
  readonly form = new FormController<Field>(this, {
    fields: ['name', 'website'],
    format: () => formats('de'),
    onStale: () => this.staleShown++,
  });

  save(): Promise<Schema<'Organization'> | undefined> {
    return this.form.submit(
      () => ({}),
      () =>
        this.client.PATCH('/organizations/{organizationId}', {
          params: { path: { organizationId: this.organization.id }, header: { 'If-Match': versionOf(this.organization) } },
          body: { name: this.name, website: this.website || null },
        }),
    );
  }

  protected override render(): TemplateResult {
    const labels = { name: 'Name', website: 'Website' };
    return html`<form
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        void this.save();
      }}
    >
      ${this.form.summary(labels)} ${textField(this.form, 'name', labels.name, this.name, (value) => (this.name = value))}
      ${textField(this.form, 'website', labels.website, this.website, (value) => (this.website = value), { type: 'url' })}
      ${this.form.failureMessage()} ${this.form.submitButton('Speichern')}
    </form>`;
  }
}
customElements.define('sr-test-profile-form', TestProfileForm);

/** A form for an organization as the Hub has it now, with the version it was read in. */
async function showForm(): Promise<TestProfileForm> {
  const { hubUrl, adminToken } = await testServers();
  const client = createHubClient({ baseUrl: hubUrl, apiKey: adminToken, locale: 'de', cache: false });
  const [first] = (await client.GET('/organizations', { params: { query: { limit: 1 } } })).items;
  const element = document.createElement('sr-test-profile-form') as TestProfileForm;
  element.client = client;
  element.organization = await client.GET('/organizations/{organizationId}', { params: { path: { organizationId: first!.id } } });
  element.name = element.organization.name;
  element.website = element.organization.website ?? '';
  await fixture(fixtureHtml`<div lang="de">${element}</div>`);
  return element;
}

const fieldError = (element: Element, field: Field) => element.shadowRoot!.querySelector(`#${field}-error`)?.textContent?.trim();

describe('FormController', () => {
  it("says each field's problem from the Hub's rule, in the person's language, and keeps what was typed", async () => {
    const element = await showForm();
    type(element, '#name', 'x'.repeat(201));
    type(element, '#website', 'keine Adresse');
    submit(element);
    await waitUntil(() => fieldError(element, 'name'), 'the field errors', { timeout: 5000 });
    expect(fieldError(element, 'name')).to.equal('Höchstens 200 Zeichen.');
    expect(fieldError(element, 'website')).to.equal('Diese Angabe hat nicht die erwartete Form.');
    expect(textOf(element)).to.include('Name: Höchstens 200 Zeichen.');
    expect($<HTMLInputElement>(element, '#website').value).to.equal('keine Adresse');
    expect(focused(element)?.getAttribute('role')).to.equal('alert');
    await expect(element).to.be.accessible();
  });

  it('knows a form is unsaved from its first change until it is saved, and asks before the changes are left', async () => {
    const element = await showForm();
    expect(hasUnsavedChange(element.form)).to.equal(false);
    type(element, '#website', 'https://www.verein.example');
    expect(hasUnsavedChange(element.form)).to.equal(true);

    // The browser's own question; the person's answer is played here.
    const ask = window.confirm.bind(window);
    const questions: string[] = [];
    try {
      window.confirm = (question?: string) => (questions.push(question ?? ''), false);
      expect(mayLeave()).to.equal(false);
      expect(hasUnsavedChange(element.form)).to.equal(true, 'kept: the person stays');
      expect(questions[0]).to.match(/^Ungespeicherte Änderungen verwerfen\?/);
    } finally {
      window.confirm = ask;
    }

    const saved = await element.save();
    expect(saved?.website).to.equal('https://www.verein.example');
    expect(hasUnsavedChange(element.form)).to.equal(false, 'saved');
    expect(mayLeave()).to.equal(true, 'nothing to ask');
  });

  it('says when someone else changed the entry meanwhile, keeps what was typed and offers the current version', async () => {
    const element = await showForm();
    // Someone else saves first.
    await element.client.PATCH('/organizations/{organizationId}', {
      params: { path: { organizationId: element.organization.id } },
      body: { description: `Geändert um ${Date.now()}` },
    });
    type(element, '#name', `${element.organization.name} e. V.`);
    submit(element);
    await waitUntil(() => textOf(element).includes('Jemand hat diesen Eintrag inzwischen geändert.'), 'the 412 message', { timeout: 5000 });
    expect(textOf(element)).to.include('Ihre Eingaben sind noch da.');
    expect($<HTMLInputElement>(element, '#name').value).to.equal(`${element.organization.name} e. V.`);
    expect(hasUnsavedChange(element.form)).to.equal(true, 'still unsaved');
    await expect(element).to.be.accessible();
    $<HTMLButtonElement>(element, '[role="alert"] button').click();
    expect(element.staleShown).to.equal(1);
    element.form.reset();
  });
});
