import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { expectDocumented } from './support/contract.js';
import { freePort } from './support/ports.js';
import { exited } from './support/processes.js';

const repository = fileURLToPath(new URL('../../../', import.meta.url));
// Not the test runner's context: a child that inherits it reports to the runner instead of running.
const { NODE_TEST_CONTEXT: _runner, DATABASE_URL: _serverMode, ...environment } = process.env;

/** npm in the repository; its output, or an error that shows it (tsc reports on stdout). */
function npm(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('npm', args, { cwd: repository, env: environment, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`npm ${args.join(' ')} failed:\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/**
 * The Hub as a municipality's IT installs it: its build packed with `npm pack`, installed from the
 * tarball into an empty folder outside the repository and run through the `sr-hub` command there,
 * so it finds nothing the package does not contain.
 * `npm test` builds the widget bundles and Storybook before this runs; the Hub's own build (tsc
 * and the copy of what it reads at run time) runs here.
 */
describe('the packed Hub, installed into an empty folder', () => {
  let folder: string;
  let srHub: string;

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'sr-packed-hub-'));
    await npm(['run', 'build', '--workspace', '@smart-region/hub']);
    const [packed] = JSON.parse(await npm(['pack', '--workspace', '@smart-region/hub', '--pack-destination', folder, '--json'])) as {
      filename: string;
    }[];
    const installation = join(folder, 'installation');
    await mkdir(installation);
    await writeFile(join(installation, 'package.json'), '{ "private": true }\n');
    await npm(['install', '--prefix', installation, '--prefer-offline', '--no-audit', '--no-fund', join(folder, packed!.filename)]);
    srHub = join(installation, 'node_modules', '.bin', 'sr-hub');
  });
  after(() => rm(folder, { recursive: true, force: true }));

  function srHubProcess(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
    return spawn(srHub, args, { cwd: folder, env: { ...environment, ...env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
  }

  test('migrates, serves the API, its reference and the widget bundles, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const env = { HUB_DATA_DIR: join(folder, 'data'), PORT: String(port) };
    const base = `http://127.0.0.1:${port}`;

    const migrate = srHubProcess(['migrate'], env);
    let migrateErr = '';
    migrate.stderr?.on('data', (chunk) => (migrateErr += chunk));
    const { code: migrated } = await exited(migrate);
    assert.equal(migrated, 0, migrateErr);

    // Seeding reads the municipalities, a file of the package too.
    const hub = srHubProcess(['serve', '--seed-if-empty'], env);
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        hub.stdout?.on('data', (chunk) => {
          out += chunk;
          if (out.includes('Smart Region Hub on')) resolve();
        });
        hub.stderr?.on('data', (chunk) => (out += chunk));
        hub.once('exit', (code) => reject(new Error(`sr-hub serve exited with ${code}: ${out}`)));
      });
      assert.match(out, /53 municipalities/);

      const health = await expectDocumented(await fetch(`${base}/health`), 'getHealth');
      assert.equal(health.status, 'ok');

      const docs = await fetch(`${base}/docs`);
      assert.equal(docs.status, 200);
      assert.match(await docs.text(), /redoc\.standalone\.js/);
      const redoc = await fetch(`${base}/docs/redoc.standalone.js`);
      assert.equal(redoc.status, 200);
      assert.match(await redoc.text(), /Redoc/);

      const manifest = await fetch(`${base}/widgets/v1/manifest.json`);
      assert.equal(manifest.status, 200);
      const built = readFileSync(join(repository, 'packages/widgets/dist/cdn/manifest.json'), 'utf8');
      assert.deepEqual(await manifest.json(), JSON.parse(built), 'the bundles this repository built');

      for (const path of [
        '/openapi.yaml',
        '/assets/hub.css',
        '/storybook/',
        '/examples/municipal/',
        '/manage/',
        '/manage/assets/manage.js',
      ]) {
        assert.equal((await fetch(`${base}${path}`)).status, 200, path);
      }

      hub.kill('SIGTERM');
      const { code } = await exited(hub);
      assert.equal(code, 0, out);
    } finally {
      if (hub.exitCode === null) hub.kill('SIGKILL');
    }
  });
});
