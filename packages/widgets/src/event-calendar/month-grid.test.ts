import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { calendarRoutes, eventPages, monthOfEvents } from '../../../../stories/support/event-fixtures.js';
import { fixtureClient } from '../../../../stories/support/fixture-client.js';
import { busyDay, hubEvents, inside, openDialog, showCalendar, shown, titles } from '../../test/calendar.js';
import { testServers } from '../../test/test-servers.js';
import '../hub/define.js';
import { deepActiveElement } from '../core/dom.js';
import { startOfWeek, visibleRange } from './dates.js';
import './define.js';
import type { SrEventCalendar } from './event-calendar.js';
import { moveByKey } from './month-grid.js';

/** The day of the focused cell. */
const focusedDay = () => (deepActiveElement() as HTMLElement | null)?.dataset['day'];

async function press(calendar: SrEventCalendar, key: string, expectedDay: string) {
  await sendKeys({ press: key });
  await waitUntil(() => focusedDay() === expectedDay, `${key}: focus on ${focusedDay()}, not ${expectedDay}`);
  await calendar.updateComplete;
}

describe('moveByKey', () => {
  it('moves like a date picker: days, weeks, the week’s ends, months and years', () => {
    const move = (key: string, shiftKey = false) => moveByKey('2027-03-31', { key, shiftKey });
    expect(move('ArrowLeft')).to.equal('2027-03-30');
    expect(move('ArrowRight')).to.equal('2027-04-01');
    expect(move('ArrowUp')).to.equal('2027-03-24');
    expect(move('ArrowDown')).to.equal('2027-04-07');
    expect(move('Home')).to.equal('2027-03-29');
    expect(move('End')).to.equal('2027-04-04');
    // No 31 April: the month's last day.
    expect(move('PageDown')).to.equal('2027-04-30');
    expect(move('PageUp')).to.equal('2027-02-28');
    expect(move('PageUp', true)).to.equal('2026-03-31');
    expect(move('Tab')).to.equal(undefined);
  });
});

describe('<sr-event-calendar> month grid by keyboard', () => {
  async function grid(date: string) {
    const { hubUrl } = await testServers();
    return showCalendar(html`<sr-event-calendar hub-url=${hubUrl} date=${date}></sr-event-calendar>`);
  }

  it('has one day in the tab order, and arrows, Home/End and PageUp/PageDown move the focus', async () => {
    const calendar = await grid('2027-03-10');
    expect(calendar.shadowRoot!.querySelectorAll('td[tabindex="0"]')).to.have.length(1);
    inside(calendar, 'td[tabindex="0"]').focus();
    expect(focusedDay()).to.equal('2027-03-10');
    await press(calendar, 'ArrowRight', '2027-03-11');
    await press(calendar, 'ArrowDown', '2027-03-18');
    await press(calendar, 'ArrowLeft', '2027-03-17');
    await press(calendar, 'ArrowUp', '2027-03-10');
    await press(calendar, 'Home', '2027-03-08');
    await press(calendar, 'End', '2027-03-14');
    await press(calendar, 'PageDown', '2027-04-14');
    expect(inside(calendar, '[part~="heading"]').textContent.trim()).to.equal('April 2027');
    expect(inside(calendar, '[part~="heading"]').getAttribute('aria-live')).to.equal('polite');
    await press(calendar, 'PageUp', '2027-03-14');
    expect(inside(calendar, '[part~="heading"]').textContent.trim()).to.equal('März 2027');
    expect(calendar.shadowRoot!.querySelectorAll('td[tabindex="0"]')).to.have.length(1);
  });

  it('moves into the previous month from its first days', async () => {
    const calendar = await grid('2027-03-01');
    inside(calendar, 'td[tabindex="0"]').focus();
    await press(calendar, 'ArrowLeft', '2027-02-28');
    expect(inside(calendar, '[part~="heading"]').textContent.trim()).to.equal('Februar 2027');
  });

  it('weeks start on Monday', async () => {
    const calendar = await grid('2027-03-10');
    const headers = [...calendar.shadowRoot!.querySelectorAll('th')].map((header) => header.getAttribute('abbr'));
    expect(headers).to.deep.equal(['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag']);
    expect(calendar.shadowRoot!.querySelector('td')!.dataset['day']).to.equal(startOfWeek('2027-03-01'));
  });

  for (const key of ['Enter', 'Space']) {
    it(`${key} lists the day’s events; Escape closes each dialog and the focus goes back`, async () => {
      const events = await hubEvents(visibleRange('month', busyDay));
      const day = events.find((item) => !item.allDay)!.start.slice(0, 10);
      const calendar = await grid(day);
      const cell = inside(calendar, 'td[tabindex="0"]');
      cell.focus();
      await sendKeys({ press: key });
      await waitUntil(() => openDialog(calendar), 'no dialog');
      const dayDialog = openDialog(calendar)!;
      const ofTheDay = events.filter((item) => item.start.slice(0, 10) <= day && item.end.slice(0, 10) >= day).map((item) => item.title);
      expect(titles(calendar, 'dialog[open]')).to.have.members(ofTheDay);
      await expect(calendar).to.be.accessible();

      // The day's list is buttons; one opens the event's details over it.
      await sendKeys({ press: 'Tab' });
      const button = deepActiveElement() as HTMLElement;
      expect(button.getAttribute('part')).to.equal('event');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => openDialog(calendar) !== dayDialog, 'no details');
      expect(openDialog(calendar)!.querySelector('h2')!.textContent).to.equal(button.textContent.trim());
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => openDialog(calendar) === dayDialog);
      expect(deepActiveElement()).to.equal(button);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => openDialog(calendar) === null);
      expect(deepActiveElement()).to.equal(cell);
    });
  }

  it('keeps Tab inside an open dialog', async () => {
    const calendar = await grid(busyDay);
    inside(calendar, 'td[tabindex="0"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => openDialog(calendar));
    const dialog = openDialog(calendar)!;
    for (let step = 0; step < 12; step++) {
      await sendKeys({ press: 'Tab' });
      expect(dialog.contains(deepActiveElement())).to.equal(true);
    }
    await sendKeys({ press: 'Escape' });
  });

  it('a click on a day with events lists them; on an empty day it only moves the focus', async () => {
    const month = monthOfEvents();
    const client = fixtureClient(calendarRoutes());
    const calendar = await showCalendar(html`<sr-hub .client=${client}><sr-event-calendar></sr-event-calendar></sr-hub>`);
    const covers = (day: string) => month.some((item) => item.start.slice(0, 10) <= day && item.end.slice(0, 10) >= day);
    const days = [...calendar.shadowRoot!.querySelectorAll<HTMLElement>('td:not(.outside)')].map((cell) => cell.dataset['day']!);
    const empty = days.find((day) => !covers(day))!;
    inside(calendar, `td[data-day="${empty}"]`).click();
    await calendar.updateComplete;
    expect(openDialog(calendar)).to.equal(null);
    expect(focusedDay()).to.equal(empty);
    const busy = days.find(covers)!;
    inside(calendar, `td[data-day="${busy}"]`).click();
    await waitUntil(() => openDialog(calendar));
    openDialog(calendar)!.close();
  });
});

describe('<sr-event-calendar> month grid titles', () => {
  it('a long German title wraps to two lines in a content column, and the day keeps its height', async () => {
    const title = 'Seniorennachmittag mit Kaffeetafel im Gemeindezentrum';
    const items = monthOfEvents().map((item, index) => (index === 0 ? { ...item, title } : item));
    const client = fixtureClient(calendarRoutes(eventPages(items)));
    const column = await fixture<HTMLElement>(
      html`<div style="inline-size: 45rem"><sr-hub .client=${client}><sr-event-calendar lang="de"></sr-event-calendar></sr-hub></div>`,
    );
    const calendar = column.querySelector('sr-event-calendar')!;
    await shown(calendar);
    const line = [...calendar.shadowRoot!.querySelectorAll<HTMLElement>('[part~="event"]')].find((event) =>
      event.textContent.includes(title),
    )!;
    const lineHeight = parseFloat(getComputedStyle(line).lineHeight);
    expect(line.getBoundingClientRect().height).to.be.closeTo(2 * lineHeight, 2);
    // Two lines show the title's first words whole, not a dozen letters and an ellipsis.
    expect(line.getBoundingClientRect().width).to.be.greaterThan(60);
    const cell = line.closest('td')!;
    expect(cell.getBoundingClientRect().height).to.be.closeTo(parseFloat(getComputedStyle(cell).blockSize), 1);
  });
});
