import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendMouse } from '@web/test-runner-commands';
import { captureWarnings, hubJson, part } from '../../test/helpers.js';
import { testServers } from '../../test/test-servers.js';
import type { Poll } from '../poll/results.js';
import { SrPoll } from '../poll/define.js';
import '../help-finder/define.js';

// Light or dark follows the page (its `color-scheme`), not the reader's system on its own; the
// text on a page's primary colour and on the quick exit is readable whatever colours the page sets.

/** A CSS colour as sRGB bytes, whatever syntax the browser computed it in. */
function srgb(color: string): [number, number, number] {
  const context = Object.assign(document.createElement('canvas'), { width: 1, height: 1 }).getContext('2d', { willReadFrequently: true })!;
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!];
}

/** WCAG 2 contrast ratio of two CSS colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = srgb(color).map((byte) => {
      const c = byte / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

const textContrast = (element: Element) => {
  const style = getComputedStyle(element);
  return contrast(style.color, style.backgroundColor);
};

async function openPoll(): Promise<Poll> {
  const { items } = await hubJson<{ items: Poll[] }>('/polls?limit=100');
  return items.find((poll) => poll.status === 'open' && poll.participation === 'open')!;
}

/** A poll on a page with these style rules, once it shows its ballot. */
async function pollOnPage(pageCss: string, attributes: Record<string, string> = {}): Promise<SrPoll> {
  const { hubUrl } = await testServers();
  const style = Object.assign(document.createElement('style'), { id: 'page-style', textContent: pageCss });
  document.head.append(style);
  const poll = document.createElement('sr-poll');
  poll.setAttribute('hub-url', hubUrl);
  poll.setAttribute('poll-id', (await openPoll()).id);
  for (const [name, value] of Object.entries(attributes)) poll.setAttribute(name, value);
  await fixture(html`<div>${poll}</div>`);
  await part(poll, 'submit-button');
  return poll;
}

const background = (element: Element) => getComputedStyle(element).backgroundColor;
const white = 'rgb(255, 255, 255)';
const darkSurface = 'rgb(26, 30, 35)';

describe('theme: the page’s colour scheme and colours', () => {
  let warnings: ReturnType<typeof captureWarnings>;
  beforeEach(() => (warnings = captureWarnings()));
  afterEach(async () => {
    warnings.restore();
    document.head.querySelector('#page-style')?.remove();
    await emulateMedia({ colorScheme: 'light' });
  });

  it('stays light on a page that declares no colour scheme, even when the system asks for dark', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const poll = await pollOnPage('');
    expect(background(poll)).to.equal(white);
    expect(getComputedStyle(poll).colorScheme).to.equal('normal');
    await expect(poll).to.be.accessible();
  });

  it('follows the system where the page declares `color-scheme: light dark`', async () => {
    const poll = await pollOnPage(':root { color-scheme: light dark; }');
    expect(background(poll)).to.equal(white);
    await emulateMedia({ colorScheme: 'dark' });
    expect(background(poll)).to.equal(darkSurface);
    await expect(poll).to.be.accessible();
  });

  it('is dark inside a part of the page that declares `color-scheme: dark`', async () => {
    const poll = await pollOnPage('div:has(> sr-poll) { color-scheme: dark; }');
    expect(background(poll)).to.equal(darkSurface);
  });

  it('takes `theme` over the page’s scheme, and draws that surface as a box with room inside', async () => {
    const poll = await pollOnPage(':root { color-scheme: light dark; }', { theme: 'dark' });
    expect(background(poll)).to.equal(darkSurface);
    const padding = parseFloat(getComputedStyle(poll).paddingInlineStart);
    expect(padding).to.be.greaterThan(8);
    expect(getComputedStyle(poll).paddingBlockStart).to.equal(getComputedStyle(poll).paddingInlineStart);
    await expect(poll).to.be.accessible();
    await emulateMedia({ colorScheme: 'dark' });
    poll.theme = 'light';
    await poll.updateComplete;
    expect(background(poll)).to.equal(white);
    expect(parseFloat(getComputedStyle(poll).paddingInlineStart)).to.equal(padding);
  });

  it('follows the page without a theme: no box of its own, the page places it', async () => {
    const poll = await pollOnPage('');
    expect(getComputedStyle(poll).paddingInlineStart).to.equal('0px');
  });

  it('warns once about a theme it does not know, and follows the page', async () => {
    const poll = await pollOnPage(':root { color-scheme: dark; }', { theme: 'blue' });
    poll.requestUpdate();
    await poll.updateComplete;
    expect(warnings.messages).to.deep.equal([`<sr-poll> theme="blue" is neither "light" nor "dark"; following the page's colour scheme.`]);
    expect(background(poll)).to.equal(darkSurface);
  });

  // Colours a club or a town might choose, each too light for white text (contrast with white
  // in brackets) or too dark for black text.
  const primaries = {
    'club yellow (1.7:1)': '#f4c400',
    'sky blue (2.5:1)': '#5aa9e6',
    'orange (3.0:1)': '#e8730c',
    'mid grey (4.5:1 with either)': '#767676',
    'dark green (black 2.9:1)': '#13604a',
  };
  for (const scheme of ['light', 'dark'] as const) {
    for (const [name, primary] of Object.entries(primaries)) {
      it(`${scheme}: a page primary ${name} gets button text that is readable on it, also on hover`, async () => {
        const poll = await pollOnPage(`:root { color-scheme: ${scheme}; } sr-poll { --sr-color-primary: ${primary}; }`);
        const button = await part(poll, 'submit-button');
        expect(srgb(background(button))).to.deep.equal(srgb(primary));
        expect(textContrast(button)).to.be.at.least(4.5);
        const box = button.getBoundingClientRect();
        await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
        try {
          expect(button.matches(':hover')).to.equal(true);
          expect(srgb(background(button))).not.to.deep.equal(srgb(primary));
          expect(textContrast(button)).to.be.at.least(4.5);
        } finally {
          await resetMouse();
        }
        await expect(poll).to.be.accessible();
      });
    }
  }

  it('keeps the page’s own text colour pair when it sets one', async () => {
    const poll = await pollOnPage('sr-poll { --sr-color-primary: #f4c400; --sr-color-on-primary: rgb(40, 20, 0); }');
    expect(getComputedStyle(await part(poll, 'submit-button')).color).to.equal('rgb(40, 20, 0)');
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme}: the quick exit stays readable whatever primary and on-primary colours the page sets`, async () => {
      const { hubUrl } = await testServers();
      const style = Object.assign(document.createElement('style'), {
        id: 'page-style',
        textContent: `:root { color-scheme: ${scheme}; } sr-help-finder { --sr-color-primary: #1d2329; --sr-color-on-primary: #1d2329; }`,
      });
      document.head.append(style);
      const finder = await fixture(html`<sr-help-finder hub-url=${hubUrl}></sr-help-finder>`);
      const exit = await part(finder, 'quick-exit');
      expect(textContrast(exit)).to.be.at.least(4.5);
      expect(contrast(background(exit), background(finder))).to.be.at.least(4.5);
    });
  }
});
