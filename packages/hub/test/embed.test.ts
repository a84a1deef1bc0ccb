import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import Fastify from 'fastify';
import { readConfig } from '../src/config.js';
import { registerEmbed } from '../src/system/embed.js';
import { embeddableWidgets } from '../src/system/embed-parameters.js';
import { examplesPolicy } from '../src/system/examples.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { servedManifest, type WidgetManifest } from './support/manifest.js';

// The embed pages (`/embed/<widget>`) and widget pages (`/w/<widget>`) as a real Hub serves them,
// with the built CDN files: headers, policy, which parameters reach the widget, escaping.

const directives = (policy: string) => new Map(policy.split('; ').map((directive) => [directive.split(' ', 1)[0]!, directive]));

/** The widget element of a page, as written. */
const widgetElement = (html: string) => /<sr-(?!hub)[a-z-]+[^>]*>/.exec(html)?.[0];

describe('embed and widget pages', () => {
  let hub: TestHub;
  let manifest: WidgetManifest;

  before(async () => {
    hub = await startTestHub();
    manifest = await servedManifest(hub.baseUrl);
  });
  after(async () => {
    await hub?.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${hub.baseUrl}${path}`, { headers });

  test('an embed page may be framed by any site, and sets no cookie; every other page by none', async () => {
    const embed = await get('/embed/event-calendar?municipality=randersacker');
    assert.equal(embed.status, 200);
    const policy = directives(embed.headers.get('content-security-policy') ?? '');
    assert.equal(policy.get('frame-ancestors'), 'frame-ancestors *');
    assert.equal(embed.headers.get('x-frame-options'), null, 'X-Frame-Options would forbid what frame-ancestors allows');
    assert.equal(embed.headers.get('set-cookie'), null);
    // Otherwise as strict as the example pages.
    const examples = directives(examplesPolicy);
    for (const [name, directive] of examples) if (name !== 'frame-ancestors') assert.equal(policy.get(name), directive, name);

    for (const path of ['/w/event-calendar?municipality=randersacker', '/examples/']) {
      const response = await get(path);
      assert.equal(response.status, 200, path);
      assert.equal(
        directives(response.headers.get('content-security-policy') ?? '').get('frame-ancestors'),
        "frame-ancestors 'none'",
        path,
      );
      assert.equal(response.headers.get('x-frame-options'), 'SAMEORIGIN', path);
      assert.equal(response.headers.get('set-cookie'), null, path);
    }
  });

  test('EMBED_FRAME_ANCESTORS limits framing to its sites', async () => {
    assert.deepEqual(readConfig({ EMBED_FRAME_ANCESTORS: 'https://www.randersacker.de, https://club.example:8443/' }).embedFrameAncestors, [
      'https://www.randersacker.de',
      'https://club.example:8443',
    ]);
    assert.equal(readConfig({}).embedFrameAncestors, undefined);
    assert.throws(() => readConfig({ EMBED_FRAME_ANCESTORS: 'https://www.randersacker.de/kalender' }), /EMBED_FRAME_ANCESTORS must be/);
    assert.throws(() => readConfig({ EMBED_FRAME_ANCESTORS: "'self' *" }), /EMBED_FRAME_ANCESTORS must be/);

    // The pages alone on a Fastify of their own, with this Hub's database: a whole second Hub costs seconds.
    const limited = Fastify();
    await registerEmbed(limited, hub.database.db, { frameAncestors: ['https://www.randersacker.de', 'https://club.example:8443'] });
    const response = await limited.inject('/embed/poll?poll-id=K7M3QP');
    assert.equal(response.statusCode, 200);
    assert.equal(
      directives(String(response.headers['content-security-policy'])).get('frame-ancestors'),
      'frame-ancestors https://www.randersacker.de https://club.example:8443',
    );
    await limited.close();
  });

  test('each page loads its widget from the Hub’s files, each with the manifest’s integrity, the frame script only in a frame', async () => {
    for (const name of Object.keys(embeddableWidgets)) {
      for (const kind of ['embed', 'w']) {
        const html = await (await get(`/${kind}/${name}`)).text();
        const files = [...html.matchAll(/(?:src|href)="\/widgets\/[^/]+\/([^"]+)" integrity="([^"]+)" crossorigin="anonymous"/g)];
        const loaded = files.map(([, file]) => file);
        assert.ok(loaded.includes('sr-hub.js') && loaded.includes(`sr-${name}.js`), `${kind}/${name}: ${loaded.join(', ')}`);
        assert.equal(loaded.includes('sr-embed-frame.js'), kind === 'embed', `${kind}/${name}`);
        for (const [, file, integrity] of files) assert.equal(integrity, manifest.files[file!]?.integrity, file);
        for (const chunk of manifest.files[`sr-${name}.js`]!.imports) assert.ok(loaded.includes(chunk), `${name} preloads ${chunk}`);
        assert.match(html, /<sr-hub hub-url="\/">/);
        assert.doesNotMatch(html, /\{\{|style=|<script>|\son[a-z]+=/, `${kind}/${name}: every placeholder filled, nothing inline`);
      }
    }
  });

  test("the widgets' attributes are those of custom-elements.json, but the ones the Hub or the theme sets", () => {
    const elements = JSON.parse(readFileSync(new URL('../../widgets/custom-elements.json', import.meta.url), 'utf8')) as {
      modules: { declarations?: { tagName?: string; attributes?: { name: string }[] }[] }[];
    };
    const declared = new Map(
      elements.modules
        .flatMap((module) => module.declarations ?? [])
        .map((declaration) => [declaration.tagName, declaration.attributes ?? []]),
    );
    for (const [name, widget] of Object.entries(embeddableWidgets)) {
      const attributes = declared.get(`sr-${name}`)?.map((attribute) => attribute.name) ?? [];
      assert.deepEqual(
        Object.keys(widget.attributes).sort(),
        attributes.filter((attribute) => !['hub-url', 'time-zone', 'lang', 'theme'].includes(attribute)).sort(),
        name,
      );
    }
  });

  test('only parameters that fit reach the page; the theme is a style the policy allows by its hash', async () => {
    const query = new URLSearchParams({
      municipality: 'randersacker',
      view: 'list',
      theme: 'dark',
      color: '#005EA8',
      'on-color': '#ffffff',
      radius: '12px',
      lang: 'en',
      'hub-url': 'https://elsewhere.example',
      'time-zone': 'America/New_York',
      onload: 'alert(1)',
    });
    const response = await get(`/embed/event-calendar?${query}`);
    const html = await response.text();
    assert.equal(widgetElement(html), '<sr-event-calendar view="list" municipality="randersacker" theme="dark">');
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<title>Event calendar<\/title>/);
    const css = /<style>([^<]*)<\/style>/.exec(html)?.[1];
    assert.equal(css, ':root{--sr-color-primary:#005ea8;--sr-color-on-primary:#ffffff;--sr-radius:12px}');
    // The widget page is dark as a whole; in a frame only the widget is.
    assert.match(await (await get(`/w/event-calendar?${query}`)).text(), /<style>:root\{[^}]*;color-scheme:dark\}<\/style>/);
    const hash = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
    assert.equal(directives(response.headers.get('content-security-policy') ?? '').get('style-src'), `style-src 'self' ${hash}`);

    const unfit = new URLSearchParams({
      view: 'year',
      date: 'tomorrow',
      municipality: 'rander sacker!',
      theme: 'pink',
      color: 'red',
      'on-color': '#fff',
      radius: '30px',
      lang: 'fr',
    });
    const plain = await (await get(`/embed/event-calendar?${unfit}`, { 'accept-language': 'fr, en;q=0.5' })).text();
    assert.equal(widgetElement(plain), '<sr-event-calendar>');
    assert.doesNotMatch(plain, /<style>/);
    assert.match(plain, /<html lang="en">/, 'the reader’s language when the address names none that fits');
    assert.match(await (await get('/w/event-calendar')).text(), /<html lang="de">[\s\S]*<h1>Veranstaltungskalender<\/h1>/);
    // Leichte Sprache: the page says it, so the widget in it speaks it (its own title too).
    assert.match(
      await (await get('/w/help-finder?lang=de-x-ls', { 'accept-language': 'en' })).text(),
      /<html lang="de-x-ls">[\s\S]*<h1>Hilfe finden<\/h1>/,
    );

    // A repeated parameter, a quick exit that would run script, an audience that does not exist.
    const finder = await (
      await get('/embed/help-finder?topic=sucht&topic=schulden&exit-url=javascript:alert(1)&audience=youth%20aliens')
    ).text();
    assert.equal(widgetElement(finder), '<sr-help-finder>');
    const fitting = await (
      await get('/embed/help-finder?exit-url=https://www.wetter.de/&audience=youth%20families&mode=guided&seo')
    ).text();
    assert.equal(widgetElement(fitting), '<sr-help-finder mode="guided" audience="youth families" exit-url="https://www.wetter.de/">');
    assert.equal(widgetElement(await (await get('/embed/event-calendar?seo')).text()), '<sr-event-calendar seo>');
  });

  test('what a reader typed is written as text, never as markup or a placeholder', async () => {
    const q = `"><script>alert(1)</script>{{organization:TSV Ochsenfurt 1862 e.V.}}'`;
    const html = await (await get(`/embed/event-calendar?${new URLSearchParams({ q })}`)).text();
    assert.equal(
      widgetElement(html),
      '<sr-event-calendar q="&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;&#123;&#123;organization:TSV Ochsenfurt 1862 e.V.}}&#39;">',
    );
    assert.doesNotMatch(html, /<script>/);
  });

  test('an unknown widget is not found', async () => {
    for (const path of ['/embed/calendar', '/w/sr-poll', '/embed/constructor', '/w/__proto__']) {
      const response = await get(path);
      assert.equal(response.status, 404, path);
      assert.match(((await response.json()) as { detail: string }).detail, /Widgets: event-calendar, help-finder, poll, volunteer-board/);
    }
  });
});
