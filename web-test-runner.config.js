// Browser tests of the widgets in Debian's Chromium (no browser download), against a real Hub.
// Run through `npm run test:browser`: Node needs tsx to start the Hub from its TypeScript sources.
//
// Groups:
//   dev         every test, on the TypeScript sources (Lit in development mode: its warnings show)
//   production  the tests of public elements again, with each element's define module swapped for
//               its built CDN file (dist/cdn/<tag>.js) through an import map — the very bytes pages
//               load, served as a CDN would (this dev server rewrites the JavaScript it serves)
//
// SR_TEST_FILES=a.test.ts,b.test.ts (globs allowed) runs only those files, in every group they belong to;
// SR_GREP=words only the tests whose names contain them; SR_TEST_NOW=<ISO instant> pins the test Hub and
// the pages to another instant (npm run test:browser:dates does, for the calendar).
import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { testNow } from './packages/hub/test/support/clock.ts';
import { widgetTags } from './packages/widgets/src/autoload/widgets.ts';

const cdnDirectory = new URL('./packages/widgets/dist/cdn/', import.meta.url).pathname;

/** Where the test servers listen, set when the test runner starts them. */
const servers = { hub: undefined, hubUrl: '', unreachableUrl: '', cdn: undefined, cdnUrl: '' };

/**
 * Servers the tests talk to, started once for the run: a real Hub on a seeded in-memory PGlite,
 * the CDN files as they are on disk, and an address where none listens.
 */
function testServersPlugin() {
  return {
    name: 'sr-test-servers',
    async serverStart() {
      const { startTestHub } = await import('./packages/hub/test/support/hub.ts');
      servers.hub = await startTestHub();
      servers.hubUrl = servers.hub.baseUrl;
      servers.cdn = await listen(createHttpServer(serveCdnFile));
      servers.cdnUrl = `http://127.0.0.1:${servers.cdn.address().port}/`;
      servers.unreachableUrl = `http://127.0.0.1:${await closedPort()}`;
    },
    async serverStop() {
      servers.cdn?.close();
      await servers.hub?.close();
    },
    async executeCommand({ command, payload }) {
      if (command === 'sr-organizer-key') {
        // An organization's own key: reading volunteer responses and making poll codes is for the
        // organization, not for the region admin the admin token acts as.
        const { createApiKey } = await import('./packages/hub/src/auth/api-keys.ts');
        const { apiKeyScopes } = await import('./packages/hub/src/auth/roles.ts');
        const scopes = [...apiKeyScopes];
        return (await createApiKey(servers.hub.database.db, { organizationId: payload.organizationId, scopes })).key;
      }
      if (command !== 'sr-test-servers') return undefined;
      return { hubUrl: servers.hubUrl, adminToken: servers.hub.adminToken, unreachableUrl: servers.unreachableUrl, cdnUrl: servers.cdnUrl };
    },
  };
}

/** Static files of dist/cdn, byte for byte, to any origin (module scripts with SRI need CORS). */
async function serveCdnFile(request, response) {
  const path = normalize(decodeURIComponent(new URL(request.url, 'http://cdn').pathname));
  const types = { '.js': 'text/javascript', '.json': 'application/json' };
  try {
    const body = await readFile(join(cdnDirectory, path));
    response.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream', 'Access-Control-Allow-Origin': '*' });
    response.end(body);
  } catch {
    response.writeHead(404, { 'Access-Control-Allow-Origin': '*' }).end();
  }
}

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A loopback port that was free a moment ago and is closed now: connections to it are refused. */
function closedPort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Each public element's define module, replaced by its CDN file. */
const productionImportMap = () => ({
  imports: Object.fromEntries(
    widgetTags.map((tag) => [`/packages/widgets/src/${tag.replace(/^sr-/, '')}/define.ts`, `${servers.cdnUrl}${tag}.js`]),
  ),
});

/** Every page's clock reads the test Hub's pinned instant, before any test module runs. */
const page = (testFramework, head = '') => `<!doctype html>
<html>
  <head>${head}</head>
  <body>
    <script type="module" src="/packages/widgets/test/pinned-clock.ts?now=${encodeURIComponent(testNow)}"></script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`;

/** The files of a group, narrowed to SR_TEST_FILES when that is set. */
const only = process.env.SR_TEST_FILES?.split(',').filter(Boolean);
const narrowed = (files) => (only ? [...only, ...files.filter((pattern) => pattern.startsWith('!'))] : files);

export default {
  nodeResolve: { exportConditions: ['source', 'development'] },
  // Two cores: one test file at a time keeps timings (debounces, retries) honest.
  concurrency: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000, ...(process.env.SR_GREP ? { grep: process.env.SR_GREP } : {}) } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'packages/widgets/tsconfig.json' }), testServersPlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      },
    }),
  ],
  testRunnerHtml: (testFramework) => page(testFramework),
  groups: [
    {
      name: 'dev',
      files: narrowed(['packages/widgets/src/**/*.test.ts', '!packages/widgets/src/**/*.cdn.test.ts']),
    },
    {
      name: 'production',
      // The pages for organizations (src/manage/) are no CDN file: their build is tested on the Hub (test/manage.test.ts).
      files: narrowed(['packages/widgets/src/!(core|manage)/**/*.test.ts', '!packages/widgets/src/autoload/autoload.test.ts']),
      testRunnerHtml: (testFramework) => page(testFramework, `<script type="importmap">${JSON.stringify(productionImportMap())}</script>`),
    },
  ],
};
