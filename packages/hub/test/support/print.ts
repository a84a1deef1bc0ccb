import { execFile } from 'node:child_process';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQRModule from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { launchChromium } from './chromium.js';
import { startTestHub, type TestHub } from './hub.js';

/**
 * How every test of a print view (`/print/…`) sees what a printer gets: Chromium prints the page
 * to PDF as a browser's "Als PDF speichern" does (the page's own `@page` size), and poppler reads
 * that PDF back: pages and their size (`pdfinfo`), the text (`pdftotext`), the pixels at 150 dpi
 * (`pdftoppm`), in which jsQR, a QR reader independent of the encoder, finds the codes.
 */

const run = promisify(execFile);

// jsQR is CommonJS with an ES-style `default` in its types only: at run time the import is the function itself.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

/** Where the print views' links point: a public address, so what is printed is what a reader types (without `https://`). */
export const printPublicUrl = 'https://hub.example.org';

export interface PrintHub {
  hub: TestHub;
  /** The same address on the test Hub: a printed link as the test follows it. */
  local(url: string): string;
  /** Opens a print view (a path on the Hub) in Chromium, in German unless `language` says otherwise; `headers` e.g. a session cookie. */
  open(path: string, language?: string, headers?: Record<string, string>): Promise<Page>;
  close(): Promise<void>;
}

/** A real Hub whose public URL is `printPublicUrl`, and a Chromium to print its pages. */
export async function startPrintHub(): Promise<PrintHub> {
  const hub = await startTestHub({ publicUrl: printPublicUrl });
  let browser: Browser | undefined;
  return {
    hub,
    local: (url) => (url.startsWith(printPublicUrl) ? hub.baseUrl + url.slice(printPublicUrl.length) : url),
    async open(path, language = 'de', headers = {}) {
      browser ??= await launchChromium();
      const context = await browser.newContext({ locale: language, extraHTTPHeaders: { 'Accept-Language': language, ...headers } });
      const page = await context.newPage();
      const response = await page.goto(`${hub.baseUrl}${path}`);
      if (response?.status() !== 200) throw new Error(`${path} answered ${response?.status()}: ${await response?.text()}`);
      return page;
    },
    async close() {
      await browser?.close();
      await hub.close();
    },
  };
}

/** The page printed as Chromium prints it: the page's own `@page` size, backgrounds included. */
export async function printToPdf(page: Page): Promise<Buffer> {
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => document.fonts.ready);
  return page.pdf({ preferCSSPageSize: true, printBackground: true });
}

/** Runs `work` with a fresh temporary directory holding the PDF, and removes it after. */
async function withPdfFile<T>(pdf: Buffer, work: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'sr-print-'));
  try {
    const file = join(dir, 'view.pdf');
    await writeFile(file, pdf);
    return await work(file, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const MM_PER_POINT = 25.4 / 72;

export interface PdfFacts {
  pages: number;
  /** Width and height of the first page in millimetres. */
  pageSizeMm: [number, number];
  /** Width and height of every page. */
  pageSizesMm: [number, number][];
  /** The text as laid out (`pdftotext -layout`), pages separated by form feeds. */
  text: string;
  /** The text of each page. */
  pageTexts: string[];
}

export async function pdfFacts(pdf: Buffer): Promise<PdfFacts> {
  return withPdfFile(pdf, async (file) => {
    const { stdout: info } = await run('pdfinfo', ['-f', '1', '-l', '100000', file]);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    const pageSizesMm = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map(
      ([, width, height]) => [Number(width) * MM_PER_POINT, Number(height) * MM_PER_POINT] as [number, number],
    );
    const { stdout: text } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
    const pageTexts = text.split('\f').slice(0, pages);
    return { pages, pageSizeMm: pageSizesMm[0]!, pageSizesMm, text, pageTexts };
  });
}

/** PNG images of pages (all, or `first` to `last`, 1-based) at 150 dpi (or `dpi`), in page order. */
async function pagePngs(pdf: Buffer, first?: number, last?: number, dpi = 150): Promise<Buffer[]> {
  return withPdfFile(pdf, async (file, dir) => {
    const range = first === undefined ? [] : ['-f', String(first), '-l', String(last ?? first)];
    await run('pdftoppm', ['-png', '-r', String(dpi), ...range, file, join(dir, 'page')]);
    const names = (await readdir(dir)).filter((name) => name.endsWith('.png')).sort();
    return Promise.all(names.map((name) => readFile(join(dir, name))));
  });
}

export interface QrReading {
  /** Resolution of the page's image: 150 by default; lower reads a long PDF faster (a code of 40 mm still has 3 pixels a module at 75). */
  dpi?: number;
  /**
   * Read the page as this many horizontal strips, one after the other: codes stacked above each
   * other (two A5 letters on a sheet) line their finder patterns up, which jsQR takes for one code.
   */
  strips?: number;
}

/**
 * Every QR code on a page (1-based), decoded: jsQR finds one at a time, so each one found is
 * painted over and the page searched again.
 */
export async function qrCodesOf(pdf: Buffer, page: number, { dpi = 150, strips = 1 }: QrReading = {}): Promise<string[]> {
  const [png] = await pagePngs(pdf, page, page, dpi);
  if (!png) throw new Error(`The PDF has no page ${page}.`);
  const image = PNG.sync.read(png);
  const stripHeight = Math.floor(image.height / strips);
  // Rows are contiguous in the image's data, so a strip is a slice of it.
  const stripBytes = stripHeight * image.width * 4;
  return Array.from({ length: strips }, (_, strip) => {
    const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset + strip * stripBytes, stripBytes);
    return codesIn(pixels, image.width, stripHeight, dpi);
  }).flat();
}

/** The codes in an image, each painted over once found so the next search finds the next. */
function codesIn(pixels: Uint8ClampedArray, width: number, height: number, dpi: number): string[] {
  const found: string[] = [];
  for (let code = jsQR(pixels, width, height); code; code = jsQR(pixels, width, height)) {
    // jsQR now and then reads a code with no content out of text or a painted-over edge: no print view prints one.
    if (code.data !== '') found.push(code.data);
    const corners = Object.values(code.location).filter((point): point is { x: number; y: number } => point !== undefined);
    const xs = corners.map((point) => point.x);
    const ys = corners.map((point) => point.y);
    // The finder patterns reach a few modules past the corners jsQR reports: paint a margin around them.
    const margin = Math.round((40 * dpi) / 150);
    for (let y = Math.max(0, Math.floor(Math.min(...ys)) - margin); y < Math.min(height, Math.max(...ys) + margin); y++) {
      for (let x = Math.max(0, Math.floor(Math.min(...xs)) - margin); x < Math.min(width, Math.max(...xs) + margin); x++) {
        pixels.fill(255, (y * width + x) * 4, (y * width + x) * 4 + 4);
      }
    }
  }
  return found;
}

/** The pages as `<name>-<page>.png` (150 dpi) in `SR_SHOTS_DIR`, to look at; nothing without it. */
export async function lookAtPdf(pdf: Buffer, name: string): Promise<void> {
  const shots = process.env['SR_SHOTS_DIR'];
  if (!shots) return;
  await mkdir(shots, { recursive: true });
  const pngs = await pagePngs(pdf);
  await Promise.all(pngs.map((png, index) => writeFile(join(shots, `${name}-${index + 1}.png`), png)));
}

/** Every page of the PDF is A4 (portrait, within a millimetre). */
export function assertA4(facts: PdfFacts): void {
  for (const [width, height] of facts.pageSizesMm) {
    assert.ok(Math.abs(width - 210) <= 1 && Math.abs(height - 297) <= 1, `A4, not ${width} × ${height} mm`);
  }
}

/** Text as a reader sees it: runs of spaces of the layout (columns, justified lines) as one. */
export const readable = (text: string): string => text.replace(/\s+/g, ' ');

/** The printed text says each of `expected`, as a reader reads it (the layout's line breaks and columns as spaces). */
export function assertPrints(facts: PdfFacts, expected: readonly string[]): void {
  const text = readable(facts.text);
  for (const words of expected) assert.ok(text.includes(words), `"${words}" in:\n${facts.text}`);
}

/** A print view printed: its PDF facts, the QR codes of its last page and the page, saved as `name` to look at. */
export async function printedView(printing: PrintHub, path: string, name: string, language?: string, headers?: Record<string, string>) {
  const page = await printing.open(path, language, headers);
  const pdf = await printToPdf(page);
  await lookAtPdf(pdf, name);
  const facts = await pdfFacts(pdf);
  return { facts, codes: await qrCodesOf(pdf, facts.pages), page };
}

/** The one QR code decodes to exactly the address printed under it (without `https://`); returns it. */
export function printedLink(facts: PdfFacts, codes: string[]): string {
  assert.equal(codes.length, 1, `one QR code: ${codes.join(', ')}`);
  const [url] = codes as [string];
  assert.ok(url.startsWith(`${printPublicUrl}/`), url);
  // A long address wraps in its column: compared without the layout's spaces and line breaks (an address has none).
  const unbroken = (text: string) => text.replace(/\s+/g, '');
  assert.ok(unbroken(facts.text).includes(url.slice('https://'.length)), `the address ${url} is written under the code:\n${facts.text}`);
  return url;
}

/** Where a printed short link leads on the test Hub (its redirect, not followed). */
export async function redirectTarget(printing: PrintHub, url: string): Promise<string> {
  const response = await fetch(printing.local(url), { redirect: 'manual' });
  assert.equal(response.status, 302, url);
  return response.headers.get('location')!;
}
