import { bundlePeer, cdnFiles, kib, withImports } from './bundles.js';
import type { Row } from './lib.js';

/** The event calendar as a page downloads it (gzip), against two calendar libraries bundled for production. */
export async function calendarSize(): Promise<Row[]> {
  const ours = withImports(await cdnFiles(), 'sr-event-calendar.js').reduce((sum, file) => sum + file.gzip, 0);
  const peers = [
    { name: 'fullcalendar', label: 'FullCalendar 7.1 (dayGrid + list, German, classic theme)' },
    { name: 'schedule-x', label: 'Schedule-X 4.9 (month grid + list, default theme, Temporal polyfill)' },
  ];
  const rows: Row[] = [];
  for (const peer of peers) {
    const { files } = await bundlePeer(peer.name);
    const total = files.reduce((sum, file) => sum + file.gzip, 0);
    const parts = files.map((file) => `${file.name.replace(/^calendar\./, '')} ${kib(file.gzip)}`).join(' + ');
    rows.push({
      benchmark: 'Event calendar download, gzip',
      ours: `${kib(ours)} (sr-event-calendar.js with Lit, SDK and core chunks; styles inside)`,
      peer: `${peer.label}: ${kib(total)} (${parts})`,
      ratio: `${(ours / total).toFixed(2)}×`,
      note: 'target ≤ 18 KiB; the peer bundled by Vite in production mode from bench/peers/',
    });
  }
  return rows;
}
