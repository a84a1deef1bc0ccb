// npm run bench: measures the product next to a peer in the same run and writes bench/RESULTS.md.
import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { hubThroughput } from './hub-throughput.js';
import type { Row } from './lib.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rows: Row[] = [...(await hubThroughput(seconds))];

const cell = (text: string) => text.replaceAll('|', '\\|');
const table = [
  '| Benchmark | Smart Region | Peer (same run) | Ratio | Note |',
  '|---|---|---|---|---|',
  ...rows.map((row) => `| ${[row.benchmark, row.ours, row.peer, row.ratio, row.note].map(cell).join(' | ')} |`),
].join('\n');
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`;
const report = `# Benchmark results

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${machine}). Every figure comes
with its peer, measured in the same run on the same machine; compare ratios, not absolute numbers.

${table}
`;
await writeFile(new URL('./RESULTS.md', import.meta.url), report);
console.log(report);
