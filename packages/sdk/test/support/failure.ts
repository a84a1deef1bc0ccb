import assert from 'node:assert/strict';
import { HubError } from '../../src/index.js';

/** The error a call rejects with; fails the test when it resolves. */
export async function failure(call: Promise<unknown>): Promise<HubError> {
  try {
    await call;
  } catch (error) {
    assert.ok(error instanceof HubError, `expected a HubError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}
