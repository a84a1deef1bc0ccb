import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newIdempotencyKey } from '../src/index.js';

describe('newIdempotencyKey', () => {
  it('makes keys the contract accepts (16–100 of A–Z a–z 0–9 _ -)', () => {
    assert.match(newIdempotencyKey(), /^[A-Za-z0-9_-]{16,100}$/);
  });

  it('makes a different key each time', () => {
    const keys = new Set(Array.from({ length: 100 }, newIdempotencyKey));
    assert.equal(keys.size, 100);
  });
});
