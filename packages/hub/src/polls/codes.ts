import { createHash, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { insertCodeHashes } from './queries.js';

/** Letters and digits that cannot be mistaken for each other on paper: no 0/O, 1/I/L. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

const CODE_FORMAT = new RegExp(`^[${ALPHABET}]{${CODE_LENGTH}}$`);

/** A code as printed: two groups of four, `XXXX-XXXX`. */
const printed = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/** A new printable code, `XXXX-XXXX` (31⁸ ≈ 850 billion possibilities). */
export function newCode(): string {
  let code = '';
  for (let index = 0; index < CODE_LENGTH; index++) code += ALPHABET[randomInt(ALPHABET.length)];
  return printed(code);
}

/** What people type: any case, with spaces or hyphens; the look-alikes O, I and L read as 0… are not in codes. */
export function normalizeCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

/** A typed code in its printed form, or undefined when it cannot be a code (length, letters outside the alphabet). */
export function printableCode(typed: string): string | undefined {
  const code = normalizeCode(typed);
  return CODE_FORMAT.test(code) ? printed(code) : undefined;
}

/** Codes are stored as a hash bound to the poll; the code itself only ever appears in the answer that made it. */
export function hashCode(pollId: string, typed: string): string {
  return createHash('sha256')
    .update(`${pollId}:${normalizeCode(typed)}`)
    .digest('hex');
}

/** Makes `count` new codes for the poll; a code that happens to exist already is drawn again. */
export async function createCodes(db: Kysely<Database>, pollId: string, count: number): Promise<string[]> {
  const codes: string[] = [];
  while (codes.length < count) {
    const candidates = [...new Set(Array.from({ length: count - codes.length }, newCode))];
    const inserted = await insertCodeHashes(
      db,
      pollId,
      candidates.map((code) => hashCode(pollId, code)),
    );
    const added = new Set(inserted.map((row) => row.hash));
    codes.push(...candidates.filter((code) => added.has(hashCode(pollId, code))));
  }
  return codes;
}

export function codesCsv(codes: string[]): string {
  return `code\r\n${codes.map((code) => `${code}\r\n`).join('')}`;
}
