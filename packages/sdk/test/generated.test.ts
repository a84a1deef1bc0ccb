import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const sdk = fileURLToPath(new URL('../', import.meta.url));
const generated = join(sdk, 'src/generated/hub.ts');

/**
 * The arguments of the SDK's `generate:types` script, with the output sent to `output`. Reading
 * them from package.json (rather than repeating them here) keeps this check and `npm run generate`
 * from drifting apart: generator options such as `--default-non-nullable` change the output.
 */
async function generateArguments(output: string): Promise<string[]> {
  const { scripts } = JSON.parse(await readFile(join(sdk, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [command, ...args] = (scripts['generate:types'] ?? '').trim().split(/\s+/);
  assert.equal(command, 'openapi-typescript', 'The generate:types script is expected to run openapi-typescript.');
  const outputFlag = args.findIndex((arg) => arg === '-o' || arg === '--output');
  assert.ok(
    outputFlag >= 0 && args[outputFlag + 1] === 'src/generated/hub.ts',
    'The generate:types script is expected to write src/generated/hub.ts.',
  );
  args[outputFlag + 1] = output;
  return args;
}

it('src/generated/hub.ts is what `npm run generate` makes of openapi/hub.yaml', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'sr-sdk-generate-'));
  try {
    const output = join(directory, 'hub.ts');
    const cli = join(dirname(createRequire(import.meta.url).resolve('openapi-typescript/package.json')), 'bin/cli.js');
    await promisify(execFile)(process.execPath, [cli, ...(await generateArguments(output))], { cwd: sdk });

    const [expected, actual] = await Promise.all([readFile(output, 'utf8'), readFile(generated, 'utf8')]);
    assert.ok(
      actual === expected,
      'packages/sdk/src/generated/hub.ts does not match openapi/hub.yaml. Run `npm run generate` and commit the result.',
    );
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
});
