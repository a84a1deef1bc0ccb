/**
 * The contract fuzzer of the Hub's tests (packages/hub/test/contract-fuzz.test.ts), run longer:
 * `tsx bench/contract-fuzz.ts [runs] [seeds…]`, default 10,000 requests for each of three seeds.
 * It prints the fuzzer's own summary line per seed and fails when any run found a broken promise.
 */
import { spawnSync } from 'node:child_process';

const [runs = '10000', ...givenSeeds] = process.argv.slice(2);
const seeds = givenSeeds.length > 0 ? givenSeeds : ['1', '2', '3'];
let failed = false;
for (const seed of seeds) {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', 'packages/hub/test/contract-fuzz.test.ts'], {
    env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const summary = /# (\d+ requests in .*)/.exec(result.stdout)?.[1] ?? 'no summary (see the output below)';
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`seed ${seed}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${seconds} s — ${summary}`);
  if (result.status !== 0) {
    failed = true;
    console.log(
      result.stdout
        .split('\n')
        .filter((line) => /broken promises|e\.g\.|: \d{3} /.test(line))
        .join('\n'),
    );
  }
}
process.exitCode = failed ? 1 : 0;
