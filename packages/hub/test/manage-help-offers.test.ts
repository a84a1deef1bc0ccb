import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { dayFromNow, testNow } from './support/clock.js';
import { expectAccessible, expectNoSidewaysScrolling, lookAt, screen, says, startWorkspace, type Workspace } from './support/workspace.js';

// The help offers of the pages for organizations (/manage/) in real Chromium against a real Hub:
// a counselling service's owner signs in with the mailed link, gives an offer a period that is
// open at the pinned "now", marks the details as checked, and the help finder beside the form
// shows "geöffnet" before the save (the website only after it) and the new date; a new offer's bad
// input is said at each field with nothing typed lost; the new draft shows in the preview before
// it is saved; it is published and deleted after a confirmation.

const service = 'Suchtberatung Mainfranken';
/** Seeded with Wednesday 15:00–19:00: closed at the pinned now (Wednesday, 10:15 in Würzburg). */
const offerName = 'Glücksspielberatung';

/** The form's line of the weekly hours or an exception, by its position. */
const hoursLine = (page: Page, index: number): Locator => page.locator('li.hours-line').nth(index);

describe('the help offers of the pages for organizations in Chromium', () => {
  let workspace: Workspace;
  let slug: string;
  let owner: string;

  before(async () => {
    workspace = await startWorkspace();
    const row = await workspace.mailed.hub.database.db
      .selectFrom('organizations')
      .select('slug')
      .where('name', '=', service)
      .executeTakeFirstOrThrow();
    slug = row.slug;
    owner = `${slug}@demo.smart-region.example`;
  });
  after(async () => {
    await workspace?.close();
  });

  /** The offer as citizens find it: no session, the public search. */
  async function publicOffer(name: string) {
    const found = (await (await fetch(`${workspace.baseUrl}/help-offers?q=${encodeURIComponent(name)}`)).json()) as {
      items: {
        name: string;
        easyReadSummary: string | null;
        openNow: boolean;
        assuredDate: string;
        openingHours: { exceptions: { description: string }[] };
      }[];
    };
    return found.items.find((item) => item.name === name);
  }

  /** A signed-in owner whose browser reads the pinned now, as the Hub does. */
  async function ownerPage(width = 1280): Promise<Page> {
    const page = await workspace.person({ width, now: testNow });
    await workspace.signIn(page, owner);
    return page;
  }

  test('an owner gives an offer hours that are open now and marks it checked; the help finder shows "geöffnet" and the date', async () => {
    const page = await ownerPage();
    await page.goto(`${workspace.baseUrl}/manage/organizations/${slug}/help-offers`);
    await screen(page, /^Hilfsangebote/);
    const card = page.locator('[data-offer]').filter({ hasText: offerName });
    await card.getByText('Jetzt geschlossen.').waitFor();
    await card.getByText('Zuletzt geprüft am 05.10.2026.').waitFor();
    await card.getByText('veröffentlicht').waitFor();
    await expectAccessible(page, 'the list of help offers');
    await lookAt(page, 'help-offers-list');

    await card.getByRole('link', { name: offerName }).click();
    await screen(page, new RegExp(`^${offerName}`));
    await page.getByRole('textbox', { name: 'Name *' }).waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Name *' }).inputValue(), offerName);
    await says(page, 'So steht es im Hilfefinder: Mi 15:00–19:00');
    const preview = page.getByRole('region', { name: 'Vorschau im Hilfefinder' });
    await preview.getByRole('heading', { name: offerName }).waitFor();
    await preview.getByText('Geschlossen · heute 15:00–19:00').waitFor();
    await expectAccessible(page, 'the form of a published offer with its preview');
    await lookAt(page, 'help-offers-form');
    // The way to a snippet of just this offer: the help finder searching its name.
    assert.equal(
      await page.getByRole('link', { name: 'Auf der Website einbinden' }).getAttribute('href'),
      '/configure/?widget=help-finder&q=Gl%C3%BCcksspielberatung',
    );

    // A second period on Wednesday, from before now to noon, and one past midnight on Fridays.
    await page.getByRole('button', { name: 'Zeitraum hinzufügen' }).click();
    const morning = hoursLine(page, 1);
    assert.equal(
      await morning.getByRole('checkbox', { name: 'Mo' }).evaluate((box) => box === (box.getRootNode() as ShadowRoot).activeElement),
      true,
      'the new line has the focus',
    );
    await morning.getByRole('checkbox', { name: 'Mi' }).check();
    await morning.getByLabel('öffnet um').fill('09:00');
    await morning.getByLabel('schließt um').fill('12:00');
    await page.getByRole('button', { name: 'Zeitraum hinzufügen' }).click();
    const night = hoursLine(page, 2);
    await night.getByRole('checkbox', { name: 'Fr' }).check();
    await night.getByLabel('öffnet um').fill('22:00');
    await night.getByLabel('schließt um').fill('02:00');
    await night.getByText('am folgenden Tag').waitFor();
    // Closed on one day: an exception with a note.
    await page.getByRole('button', { name: 'Ausnahme hinzufügen' }).click();
    const closed = hoursLine(page, 3);
    await closed.getByLabel('Datum *').fill(dayFromNow(20));
    await closed.getByLabel('Hinweis').fill('Teamfortbildung');
    await says(page, 'So steht es im Hilfefinder: Mi 15:00–19:00; Mi 09:00–12:00; Fr 22:00–02:00');
    // Not saved yet: the preview already shows the offer open now, the website does not.
    await preview.getByText('Jetzt geöffnet · heute 09:00–12:00, 15:00–19:00').waitFor();
    assert.equal((await publicOffer(offerName))?.openNow, false, 'the website still has the saved hours');
    await expectAccessible(page, 'the opening-hours editor with three periods and an exception, previewed unsaved');

    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await says(page, 'Gespeichert und veröffentlicht.');
    await preview.getByText('Jetzt geöffnet · heute 09:00–12:00, 15:00–19:00').waitFor();
    await expectAccessible(page, 'the form after saving, the preview open now');

    await page.getByRole('button', { name: 'Angaben geprüft' }).click();
    const today = '02.12.2026';
    await says(page, `Als geprüft vermerkt: Stand ${today}.`);
    await page.getByText(`Zuletzt geprüft am ${today}.`).waitFor();
    // The finder shows the date in the offer's details.
    await preview.getByRole('button', { name: 'Alle Details' }).first().click();
    const details = page.getByRole('dialog');
    await details.getByText(today).waitFor();
    await details
      .getByText(/geöffnet/)
      .first()
      .waitFor();
    await expectAccessible(page, 'the preview’s details after "Angaben geprüft"');
    await details
      .getByRole('button', { name: /Schließen/ })
      .first()
      .click();

    // Citizens see the same: no session, the public search.
    const offer = await publicOffer(offerName);
    assert.equal(offer?.openNow, true);
    assert.equal(offer?.assuredDate, '2026-12-02');
    assert.equal(offer?.openingHours.exceptions[0]?.description, 'Teamfortbildung');

    await page.getByRole('link', { name: '← Alle Hilfsangebote' }).click();
    await card.getByText('Jetzt geöffnet.').waitFor();
    await card.getByText(`Zuletzt geprüft am ${today}.`).waitFor();
    assert.deepEqual(workspace.failures, []);
    await page.context().close();
  });

  test('a new offer: bad input is said at each field and nothing typed is lost; saved as a draft, published, deleted after a confirmation', async () => {
    const page = await ownerPage();
    await page.goto(`${workspace.baseUrl}/manage/organizations/${slug}/help-offers`);
    await page.getByRole('link', { name: 'Neues Angebot' }).click();
    await screen(page, /^Neues Hilfsangebot/);
    await expectAccessible(page, 'the empty form');

    await page.getByRole('textbox', { name: 'E-Mail' }).fill('beratung(at)example.org');
    const easyRead = page.getByRole('textbox', { name: 'Zusammenfassung in Leichter Sprache (freiwillig)' });
    const easyReadText = 'Sie spielen zu viel um Geld? Wir helfen Ihnen. Wir sprechen per Video mit Ihnen.';
    await easyRead.fill(easyReadText);
    await page.getByRole('button', { name: 'Zeitraum hinzufügen' }).click();
    const line = hoursLine(page, 0);
    await line.getByRole('checkbox', { name: 'Mo' }).check();
    await line.getByLabel('öffnet um').fill('09:00');
    await line.getByLabel('schließt um').fill('09:00');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben:' });
    await summary.waitFor();
    for (const problem of [
      'Name: Geben Sie dem Angebot einen Namen',
      'Beschreibung: Beschreiben Sie kurz',
      'Themen: Wählen Sie mindestens ein Thema.',
      'E-Mail: Geben Sie eine E-Mail-Adresse',
      'Öffnungszeit 1: Öffnen und Schließen brauchen verschiedene Uhrzeiten.',
    ]) {
      await summary.getByRole('link', { name: new RegExp(`^${problem}`) }).waitFor();
    }
    assert.equal(await page.getByRole('textbox', { name: 'E-Mail' }).getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByRole('textbox', { name: 'E-Mail' }).inputValue(), 'beratung(at)example.org', 'nothing typed is lost');
    assert.equal(await line.getByLabel('schließt um').inputValue(), '09:00');
    assert.equal(await easyRead.inputValue(), easyReadText);
    await expectAccessible(page, 'the form with its errors');
    await lookAt(page, 'help-offers-errors');

    // The summary's link leads to the field.
    await summary.getByRole('link', { name: /^Themen/ }).click();
    assert.equal(
      await page
        .getByRole('searchbox', { name: 'Themen *' })
        .evaluate((input) => input === (input.getRootNode() as ShadowRoot).activeElement),
      true,
    );

    await page.getByRole('textbox', { name: 'Name *' }).fill('Online-Sprechstunde Glücksspiel');
    await page
      .getByRole('textbox', { name: 'Beschreibung *' })
      .fill('Beratung per Video für Menschen, die zu viel spielen, und ihre Angehörigen.');
    await page.getByRole('searchbox', { name: 'Themen *' }).fill('glucks');
    // Typing narrows the topics, umlauts or not.
    await page.getByRole('checkbox', { name: 'Sucht › Glücksspiel' }).check();
    assert.equal(await page.getByRole('checkbox', { name: 'Sucht › Alkohol' }).count(), 0);
    await page.getByRole('searchbox', { name: 'Themen *' }).fill('');
    await page.getByRole('checkbox', { name: 'Schulden' }).first().check();
    await page.getByRole('button', { name: 'Sucht › Glücksspiel entfernen' }).waitFor();
    await page.getByRole('textbox', { name: 'E-Mail' }).fill('online@suchtberatung-mainfranken.example');
    await line.getByLabel('schließt um').fill('11:00');
    // A place with a municipality and no coordinates: it is shown at the municipality's centre.
    await page.getByRole('button', { name: 'Ort hinzufügen' }).click();
    await page.getByRole('textbox', { name: 'Adresse' }).fill('Bahnhofstraße 4, 97070 Würzburg');
    await page.getByRole('combobox', { name: 'Gemeinde' }).selectOption({ label: 'Würzburg' });
    await page.getByRole('button', { name: 'Mitte von Würzburg übernehmen' }).waitFor();
    // New, a draft and not saved: the preview shows it as the website would once it is published.
    const preview = page.getByRole('region', { name: 'Vorschau im Hilfefinder' });
    await preview.getByRole('heading', { name: 'Online-Sprechstunde Glücksspiel' }).waitFor();
    await preview.getByText('Als Entwurf ist es noch nicht öffentlich').waitFor();
    assert.equal(await publicOffer('Online-Sprechstunde Glücksspiel'), undefined);
    await expectAccessible(page, 'the form with topics and a place, its draft previewed');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await says(page, 'Als Entwurf gespeichert.');
    assert.match(new URL(page.url()).pathname, new RegExp(`^/manage/organizations/${slug}/help-offers/[0-9a-f-]{36}$`));
    const draftId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const admin = { headers: { Authorization: `Bearer ${workspace.mailed.hub.adminToken}` } };
    const stored = (await (await fetch(`${workspace.baseUrl}/help-offers/${draftId}`, admin)).json()) as {
      published: boolean;
      locations: { municipalityId: string; coordinates: unknown }[];
    };
    const wuerzburg = (await (await fetch(`${workspace.baseUrl}/municipalities/wuerzburg`)).json()) as { center: unknown };
    assert.equal(stored.published, false);
    assert.deepEqual(stored.locations[0], {
      name: null,
      address: 'Bahnhofstraße 4, 97070 Würzburg',
      municipalityId: 'wuerzburg',
      coordinates: wuerzburg.center,
    });
    await preview.getByText('Als Entwurf ist es noch nicht öffentlich').waitFor();
    await page.getByText('Noch nie als geprüft vermerkt.').waitFor();
    await expectAccessible(page, 'a saved draft');

    await page.getByRole('link', { name: '← Alle Hilfsangebote' }).click();
    const card = page.locator('[data-offer]').filter({ hasText: 'Online-Sprechstunde Glücksspiel' });
    await card.getByText('Entwurf').waitFor();
    await card.getByText('Noch nie als geprüft vermerkt.').waitFor();
    await expectAccessible(page, 'the list with a draft');
    await card.getByRole('link').click();

    await page.getByRole('radio', { name: 'Veröffentlicht' }).check();
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await says(page, 'Gespeichert und veröffentlicht.');
    await preview.getByRole('heading', { name: 'Online-Sprechstunde Glücksspiel' }).waitFor();
    assert.equal(await preview.getByText('Als Entwurf ist es noch nicht öffentlich').count(), 0);
    assert.equal((await publicOffer('Online-Sprechstunde Glücksspiel'))?.easyReadSummary, easyReadText);

    // A colleague changes the offer meanwhile: the save is refused and says so, the typing stays,
    // and the current version is shown; saving again then replaces it knowingly.
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    const meanwhile = await fetch(`${workspace.baseUrl}/help-offers/${id}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${workspace.mailed.hub.adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ description: 'Beratung per Video, von einer Kollegin ergänzt.' }),
    });
    assert.equal(meanwhile.status, 200, await meanwhile.clone().text());
    await page.getByRole('textbox', { name: 'Name *' }).fill('Online-Sprechstunde Glücksspiel und Wetten');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await says(page, 'Jemand hat diesen Eintrag inzwischen geändert.');
    assert.equal(await page.getByRole('textbox', { name: 'Name *' }).inputValue(), 'Online-Sprechstunde Glücksspiel und Wetten');
    await page.getByRole('button', { name: 'Aktuelle Fassung anzeigen' }).click();
    await says(page, 'Sie weicht von Ihren Eingaben ab bei: Name, Beschreibung.');
    await expectAccessible(page, 'an edit someone else overtook, with the current version');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await says(page, 'Gespeichert und veröffentlicht.');

    await page.getByRole('button', { name: 'Angebot löschen' }).click();
    await page.getByText('„Online-Sprechstunde Glücksspiel und Wetten“ wirklich löschen?').waitFor();
    await expectAccessible(page, 'the delete confirmation');
    await page.getByRole('button', { name: 'Ja, endgültig löschen' }).click();
    await screen(page, /^Hilfsangebote/);
    await page.locator('[data-offer]').first().waitFor();
    assert.equal(await page.locator('[data-offer]').filter({ hasText: 'Online-Sprechstunde Glücksspiel' }).count(), 0);
    assert.deepEqual(workspace.failures, []);
    await page.context().close();
  });

  test('on a phone (320 px) the list and the form fit the width', async () => {
    const page = await ownerPage(320);
    await page.goto(`${workspace.baseUrl}/manage/organizations/${slug}/help-offers`);
    await page.locator('[data-offer]').first().waitFor();
    await expectNoSidewaysScrolling(page, 'the list on a phone');
    await expectAccessible(page, 'the list on a phone');
    await lookAt(page, 'help-offers-list');
    await page.locator('[data-offer]').filter({ hasText: offerName }).getByRole('link').click();
    await page.getByRole('textbox', { name: 'Name *' }).waitFor();
    await page.getByRole('button', { name: 'Ausnahme hinzufügen' }).click();
    await page.getByRole('region', { name: 'Vorschau im Hilfefinder' }).getByRole('heading', { name: offerName }).waitFor();
    await expectNoSidewaysScrolling(page, 'the form on a phone');
    await expectAccessible(page, 'the form on a phone');
    await lookAt(page, 'help-offers-form');
    assert.deepEqual(workspace.failures, []);
    await page.context().close();
  });
});
