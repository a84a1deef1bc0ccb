import assert from 'node:assert/strict';
import type { Problem } from '@smart-region/sdk';

/** Asserts a problem+json answer with the given status and type, and returns its body. */
export async function expectProblem(
  response: Response,
  status: number,
  type: string,
): Promise<{
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { pointer: string; reason: string; code?: string; limit?: number }[];
}> {
  const text = await response.text();
  assert.equal(response.status, status, `expected ${status}, got ${response.status}: ${text}`);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const problem = JSON.parse(text) as Problem;
  assert.equal(problem.type, `/problems/${type}`);
  assert.equal(problem.status, status);
  assert.ok(problem.title.length > 0);
  assert.doesNotMatch(text, /at .*\.(ts|js):\d+/, 'no stack trace reaches the client');
  // Forms say each field's problem in the person's language from its code.
  for (const error of problem.errors ?? []) assert.ok(error.code, `${error.pointer} names its rule (code): ${text}`);
  return problem;
}
