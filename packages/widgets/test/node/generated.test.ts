// Generated and hand-kept files that must match the sources: run with Node's test runner.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promisify } from 'node:util';
import { widgetTags } from '../../src/autoload/widgets.ts';

const run = promisify(execFile);
const widgets = new URL('../../', import.meta.url).pathname;
const bin = (name: string) => join(widgets, '../../node_modules/.bin', name);
const read = (path: string) => readFile(join(widgets, path), 'utf8');

/** A scratch folder inside the package: the CEM analyzer takes `--outdir` relative to it. */
async function inTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(widgets, '.check-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** German names of the target languages, for the tests' titles. */
const languageNames: Record<string, string> = { en: 'an English', 'de-x-ls': 'a Leichte-Sprache' };

/**
 * The widgets' strings and the strings of the Hub's pages for organizations (src/manage/) are
 * translated apart, so the widgets' locale chunk carries none of the pages' strings. Each
 * config's target locales have their XLIFF file in its `xliffDir`.
 */
const localizations = [
  { config: 'lit-localize.json', generated: 'src/generated' },
  { config: 'lit-localize.manage.json', generated: 'src/generated/manage' },
];

interface LocalizeConfig {
  targetLocales: string[];
  interchange: { xliffDir: string };
  output: { outputDir: string; localeCodesModule: string };
}

for (const { config: configName, generated } of localizations) {
  const config = JSON.parse(await read(configName)) as LocalizeConfig;
  const xliff = (locale: string) => join(config.interchange.xliffDir, `${locale}.xlf`);

  test(`${configName}: the XLIFF and the locale modules are up to date with the sources (npm run localize:extract / localize:build)`, async () => {
    await inTempDir(async (dir) => {
      for (const locale of config.targetLocales) await writeFile(join(dir, `${locale}.xlf`), await read(xliff(locale)));
      const check = {
        ...config,
        interchange: { ...config.interchange, xliffDir: dir },
        output: { ...config.output, outputDir: join(dir, 'locales'), localeCodesModule: join(dir, 'locale-codes.ts') },
      };
      // The config stays in the package: lit-localize resolves `inputFiles` and `tsConfig` from it.
      // Named after the scratch folder, so two runs at the same time do not share it.
      const configFile = `${dir}.json`;
      await writeFile(configFile, JSON.stringify(check));
      try {
        await run(bin('lit-localize'), ['--config', configFile, 'extract'], { cwd: widgets });
        await run(bin('lit-localize'), ['--config', configFile, 'build'], { cwd: widgets });
      } finally {
        await rm(configFile);
      }
      for (const locale of config.targetLocales) {
        assert.equal(await readFile(join(dir, `${locale}.xlf`), 'utf8'), await read(xliff(locale)), 'run npm run localize:extract');
        assert.equal(
          await readFile(join(dir, `locales/${locale}.ts`), 'utf8'),
          await read(`${generated}/locales/${locale}.ts`),
          'run npm run localize:build',
        );
      }
      assert.equal(
        await readFile(join(dir, 'locale-codes.ts'), 'utf8'),
        await read(`${generated}/locale-codes.ts`),
        'run npm run localize:build',
      );
    });
  });

  for (const locale of config.targetLocales) {
    test(`${configName}: every German string has ${languageNames[locale] ?? `a ${locale}`} translation`, async () => {
      const units = (await read(xliff(locale))).match(/<trans-unit [\s\S]*?<\/trans-unit>/g) ?? [];
      assert.ok(units.length > 0);
      const untranslated = units.filter((unit) => !unit.includes('<target>')).map((unit) => unit.match(/<source>(.*)<\/source>/)?.[1]);
      assert.deepEqual(untranslated, []);
    });
  }
}

test('custom-elements.json is up to date with the JSDoc (npm run analyze)', async () => {
  await inTempDir(async (dir) => {
    await run(bin('cem'), ['analyze', '--outdir', relative(widgets, dir)], { cwd: widgets });
    assert.equal(await readFile(join(dir, 'custom-elements.json'), 'utf8'), await read('custom-elements.json'));
  });
});

test('package.json exports every element the builds make', async () => {
  const { exports } = JSON.parse(await read('package.json')) as { exports: Record<string, unknown> };
  for (const tag of widgetTags) {
    const folder = tag.replace(/^sr-/, '');
    assert.deepEqual(exports[`./${folder}`], {
      source: `./src/${folder}/${folder}.ts`,
      types: `./dist/${folder}/${folder}.d.ts`,
      default: `./dist/${folder}/${folder}.js`,
    });
    assert.deepEqual(exports[`./${folder}/define`], {
      source: `./src/${folder}/define.ts`,
      types: `./dist/${folder}/define.d.ts`,
      default: `./dist/${folder}/define.js`,
    });
  }
});
