/**
 * The calendar's browser tests once more at the dates where calendars tend to break. Each date is
 * a run of its own, the test Hub (its demo data, its "today") and the page's clock pinned to it;
 * the other tests run at the suite's usual instant (packages/hub/test/support/clock.ts).
 */
import { spawnSync } from 'node:child_process';

const dates: Array<[instant: string, why: string]> = [
  ['2026-03-01T09:00:00+01:00', 'a month that starts on a Sunday'],
  ['2026-06-01T09:00:00+02:00', 'a month that starts on a Monday'],
  ['2026-03-29T12:00:00+02:00', 'the day summer time starts'],
  ['2026-10-25T12:00:00+01:00', 'the day summer time ends'],
  ['2024-02-29T18:00:00+01:00', '29 February'],
  ['2025-12-31T23:30:00+01:00', 'New Year’s Eve, half an hour before midnight'],
  ['2026-04-30T23:30:00+02:00', 'the last day of a month, late in the evening'],
];

const files = 'packages/widgets/src/event-calendar/*.test.ts';
const failed: string[] = [];
for (const [instant, why] of dates) {
  console.log(`\n== The calendar on ${instant}: ${why}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'node_modules/@web/test-runner/dist/bin.js', '--group', 'dev'], {
    stdio: 'inherit',
    env: { ...process.env, SR_TEST_NOW: instant, SR_TEST_FILES: files },
  });
  if (run.status !== 0) failed.push(`${instant} (${why})`);
}
console.log(`\n${dates.length - failed.length} passed, ${failed.length} failed: the calendar at ${dates.length} chosen dates`);
if (failed.length > 0) {
  console.log(`Failed at: ${failed.join('; ')}`);
  process.exit(1);
}
