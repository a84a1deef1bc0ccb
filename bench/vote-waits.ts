// What votes wait for on PostgreSQL (issue 20): the voting benchmark's PostgreSQL rows (fsync off
// and on, open and code polls, each next to the bare route in the same run) with the servers'
// connections sampled from pg_stat_activity during the timed votes, for each pool size in
// BENCH_POOL_SIZES (comma-separated, default 10; both servers get the same). BENCH_VOTES timed votes
// a row (default 3,000). Prints the rows; writes no results file.
//   node --import tsx bench/vote-waits.ts
import { pollVotes } from './poll-votes.js';

process.env.BENCH_VOTE_WAITS = '1';
const votes = Number(process.env.BENCH_VOTES ?? 3_000);
const poolSizes = (process.env.BENCH_POOL_SIZES ?? '10').split(',').map(Number);

for (const poolSize of poolSizes) {
  process.env.DATABASE_POOL_SIZE = String(poolSize);
  for (const row of await pollVotes({ pglite: 0, postgres: votes, production: 0 })) {
    console.log(`\n${row.benchmark}, pool ${poolSize}\n  Hub:  ${row.ours}\n  bare: ${row.peer}\n  ratio ${row.ratio}`);
    for (const part of row.note.split('; ')) console.log(`  - ${part}`);
  }
}
