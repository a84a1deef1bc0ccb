import { printDate, printTime, type PrintLanguage } from '../../print/page.js';
import type { SignupRow } from './queries.js';

/** How mails and the page name a sign-up's shift, its place and its state, in both languages. */

export type Language = PrintLanguage;

export const languageOf = (row: { language: 'de' | 'en' | null }): Language => row.language ?? 'de';

/** "Weinfest – Bar": the need, and the shift's label when it has one. */
export const shiftTitle = (row: Pick<SignupRow, 'title' | 'label'>) => (row.label ? `${row.title} – ${row.label}` : row.title);

/** "Samstag, 12. Juni 2027, 16:00–19:00 Uhr" (Europe/Berlin); a shift over midnight names both days. */
export function shiftWhen(shift: { starts_at: Date; ends_at: Date }, lang: Language): string {
  const start = `${printDate(shift.starts_at, lang, true)}, ${printTime(shift.starts_at, lang)}`;
  const sameDay = printDate(shift.starts_at, lang) === printDate(shift.ends_at, lang);
  const end = sameDay ? printTime(shift.ends_at, lang) : `${printDate(shift.ends_at, lang, true)}, ${printTime(shift.ends_at, lang)}`;
  return `${start}–${end}${lang === 'de' ? ' Uhr' : ''}`;
}

export function placeOf(row: Pick<SignupRow, 'place_name' | 'place_address' | 'remote'>): string | undefined {
  const place = [row.place_name, row.place_address].filter(Boolean).join(', ');
  return place || (row.remote ? 'online' : undefined);
}

export type SignupState = 'on' | 'waiting' | 'declined' | 'withdrawn' | 'cancelled';

export function stateOf(row: SignupRow): SignupState {
  if (row.status === 'withdrawn') return 'withdrawn';
  if (row.cancelled_at !== null) return 'cancelled';
  if (row.response_status === 'declined') return 'declined';
  return row.response_status === 'new' && row.approval_required ? 'waiting' : 'on';
}

export const stateWords: Record<Language, Record<SignupState, string>> = {
  de: {
    on: 'eingetragen',
    waiting: 'wartet auf Zusage der Organisation',
    declined: 'von der Organisation abgesagt',
    withdrawn: 'abgemeldet',
    cancelled: 'Schicht fällt aus',
  },
  en: {
    on: 'signed up',
    waiting: 'waiting for the organization to confirm',
    declined: 'declined by the organization',
    withdrawn: 'withdrawn',
    cancelled: 'shift cancelled',
  },
};

/** One shift in a mail: title, time, place and state, one line each. */
export function shiftBlock(row: SignupRow, lang: Language): string {
  const place = placeOf(row);
  return [
    `• ${shiftTitle(row)}`,
    `  ${shiftWhen(row, lang)}`,
    ...(place ? [`  ${lang === 'de' ? 'Ort' : 'Place'}: ${place}`] : []),
    `  ${stateWords[lang][stateOf(row)]}`,
  ].join('\n');
}
