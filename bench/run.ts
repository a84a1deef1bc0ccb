// npm run bench: measures the product next to a peer in the same run and writes bench/RESULTS.md.
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { buildCdn } from './bundles.js';
import { calendarRender } from './calendar-render.js';
import { calendarSize } from './calendar-size.js';
import { cdnSizes } from './cdn-sizes.js';
import { eventsQuery } from './events-query.js';
import { helpSearch } from './help-search.js';
import { hubThroughput } from './hub-throughput.js';
import { hubProcesses } from './hub-processes.js';
import { pollVotes } from './poll-votes.js';
import type { Row } from './lib.js';

// A busy machine slows everything; the report says how busy it was when the run began.
const loadAtStart = loadavg()[0]!.toFixed(1);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const renderRuns = Number(process.env.BENCH_RENDER_RUNS ?? 30);
const eventRequests = Number(process.env.BENCH_EVENT_REQUESTS ?? 40);
const helpRequests = Number(process.env.BENCH_HELP_REQUESTS ?? 40);
const votes = Number(process.env.BENCH_VOTES ?? 10_000);

await buildCdn();
const sizes = await cdnSizes();
const rows: Row[] = [
  ...(await hubThroughput(seconds)),
  ...(await hubProcesses(seconds)),
  ...(await calendarSize()),
  ...(await calendarRender(renderRuns)),
  ...(await eventsQuery(eventRequests)),
  ...(await helpSearch(helpRequests)),
  ...(await pollVotes({ postgres: votes, pglite: votes / 5, production: votes / 10 })),
];

const cell = (text: string) => text.replaceAll('|', '\\|');
const table = [
  '| Benchmark | Smart Region | Peer (same run) | Ratio | Note |',
  '|---|---|---|---|---|',
  ...rows.map((row) => `| ${[row.benchmark, row.ours, row.peer, row.ratio, row.note].map(cell).join(' | ')} |`),
].join('\n');
const resultsFile = new URL('./RESULTS.md', import.meta.url);
/**
 * The sections of the last RESULTS.md that other commands wrote (search quality, contract fuzzing),
 * kept as they were: this run measures neither.
 */
async function sectionsWrittenElsewhere(): Promise<string> {
  const previous = await readFile(resultsFile, 'utf8').catch(() => '');
  const written = ['Benchmark results', 'CDN files'];
  return previous
    .split(/^(?=## )/m)
    .filter((section) => section.startsWith('## ') && !written.some((title) => section.startsWith(`## ${title}`)))
    .map((section) => `\n${section.trimEnd()}\n`)
    .join('');
}
const kept = await sectionsWrittenElsewhere();

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`;
const report = `# Benchmark results

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${machine}). Every figure comes
with its peer, measured in the same run on the same machine; compare ratios, not absolute numbers.
Load average when the run began: ${loadAtStart} on ${cpus().length} cores. The Hub runs as it ships:
built by \`tsc\` (\`packages/hub/dist\`, what \`sr-hub serve\` runs), not compiled on the fly. PostgreSQL rows use a
throwaway cluster started with \`fsync=off\` (for the Hub and its peer alike): a production server
that waits for its disk on every commit answers writes more slowly. The vote rows marked "fsync on"
use a second cluster with \`fsync=on\`. CPU profiles and query plans behind the rows, before and
after the changes they measure: \`bench/profiles/\`.

${table}

## CDN files

Built from the sources by the run (\`npm run build:cdn\`), gzip level 9. A page that shows several
widgets loads the shared chunks once.

${sizes}
${kept}`;
await writeFile(resultsFile, report);
console.log(report);
