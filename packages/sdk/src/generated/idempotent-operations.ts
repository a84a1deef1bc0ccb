// Generated from openapi/hub.yaml by packages/sdk/scripts/idempotent-operations.ts. Do not edit.

/** Operations whose contract asks for an `Idempotency-Key` header, as `METHOD /path template`. */
export const idempotentOperations: ReadonlySet<string> = new Set([
  'POST /polls/{pollId}/votes',
  'POST /volunteer-needs/{volunteerNeedId}/responses',
]);
