/**
 * RFC 9457 problem details. `type` values are stable: clients (the SDK, the widgets)
 * branch on them, people read `title` and `detail`.
 */
export interface FieldError {
  /** Where the error is, e.g. `/body/name` or `/query/limit`. */
  pointer: string;
  /** The rule in English words, for developers and logs. */
  reason: string;
  /**
   * Which rule failed, stable, so a form can say it in the person's language: a JSON Schema
   * keyword (`required`, `maxLength`, …) or a rule of the Hub's own in kebab-case
   * (`end-before-start`, `unknown-reference`, …). Required here so no check can leave it out.
   */
  code: string;
  /** The bound of a length, size or count rule, so a form can say "at most 200 characters". */
  limit?: number;
}

/** One field error: where, which rule (see FieldError.code), why in words, and the rule's bound if it has one. */
export function fieldError(pointer: string, code: string, reason: string, limit?: number): FieldError {
  return { pointer, code, reason, ...(limit === undefined ? {} : { limit }) };
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  /** Members a problem type adds (RFC 9457 §3.2), e.g. `shiftId` and `alternatives` of `shift-full`. */
  [extension: string]: unknown;
}

export const problemTypes = {
  'invalid-request': { status: 400, title: 'The request is not valid.' },
  'invalid-sign-in-link': { status: 400, title: 'The sign-in link is not valid.' },
  'invalid-invitation': { status: 400, title: 'The invitation link is not valid.' },
  unauthorized: { status: 401, title: 'Sign in or send an API key.' },
  forbidden: { status: 403, title: 'This sign-in or API key may not do this.' },
  'organization-pending': { status: 403, title: 'The organization is not approved yet.' },
  'cross-site-request': { status: 403, title: "The request did not come from the Hub's own pages." },
  'https-required': { status: 403, title: 'Signing in needs https.' },
  'not-found': { status: 404, title: 'Not found.' },
  'method-not-allowed': { status: 405, title: 'This method is not allowed here.' },
  'not-acceptable': { status: 406, title: 'The requested representation is not available.' },
  'request-timeout': { status: 408, title: 'The request took too long to arrive.' },
  conflict: { status: 409, title: 'The request conflicts with the current state.' },
  'last-owner': { status: 409, title: 'An organization keeps at least one owner.' },
  'poll-not-open': { status: 409, title: 'The poll does not take votes now.' },
  'code-already-used': { status: 409, title: 'This participation code has already been used.' },
  'volunteer-need-not-open': { status: 409, title: 'The volunteer need takes no responses now.' },
  'shift-full': { status: 409, title: 'The shift has no free place left.' },
  'shift-not-open': { status: 409, title: 'The shift takes no sign-ups now.' },
  'edited-elsewhere': { status: 412, title: 'The entry was changed in the meantime.' },
  'payload-too-large': { status: 413, title: 'The request body is too large.' },
  'uri-too-long': { status: 414, title: 'The URL is too long.' },
  'unsupported-media-type': { status: 415, title: 'The content type is not supported.' },
  'validation-failed': { status: 422, title: 'The content is not valid.' },
  'unknown-code': { status: 422, title: 'This participation code is not valid for this poll.' },
  'proof-invalid': { status: 422, title: 'The proof of work is not valid.' },
  'idempotency-key-reused': { status: 422, title: 'This Idempotency-Key was used for another request.' },
  'rate-limited': { status: 429, title: 'Too many requests.' },
  'request-header-fields-too-large': { status: 431, title: 'The request head is too large.' },
  'internal-error': { status: 500, title: 'Something went wrong in the Hub.' },
  'service-unavailable': { status: 503, title: 'The Hub is temporarily unavailable.' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemType = keyof typeof problemTypes;

/** An error a handler throws to answer with a problem; anything else becomes a 500. */
export class ProblemError extends Error {
  readonly problem: Problem;
  readonly headers: Record<string, string>;

  constructor(
    type: ProblemType,
    detail?: string,
    options: { errors?: FieldError[]; headers?: Record<string, string>; extensions?: Record<string, unknown> } = {},
  ) {
    super(detail ?? problemTypes[type].title);
    this.name = 'ProblemError';
    this.problem = {
      type: `/problems/${type}`,
      title: problemTypes[type].title,
      status: problemTypes[type].status,
      ...(detail ? { detail } : {}),
      ...(options.errors ? { errors: options.errors } : {}),
      ...options.extensions,
    };
    this.headers = options.headers ?? {};
  }

  get statusCode(): number {
    return this.problem.status;
  }
}

/** The part of a request a field error's pointer is relative to. */
export type RequestPart = 'path' | 'query' | 'header' | 'body';

/**
 * The one way field errors reach a client: each check names the field relative to the part it
 * read (`/name`, `/locations/0/municipalityId`, `` for the part as a whole), and this prefixes the
 * part, so every answer points the same way (`/body/name`, `/query/near`). The detail lists them
 * unless the caller says it better.
 */
export function invalidFields(type: ProblemType, part: RequestPart, errors: FieldError[], detail?: string): ProblemError {
  const located = errors.map((error) => ({ ...error, pointer: `/${part}${error.pointer}` }));
  return new ProblemError(type, detail ?? located.map((error) => `${error.pointer} ${error.reason}`).join('; '), { errors: located });
}

/** A 422 naming each field of the body that is wrong (`pointer` relative to the body, e.g. `/name`). */
export function invalidBody(errors: FieldError[], detail?: string): ProblemError {
  return invalidFields('validation-failed', 'body', errors, detail);
}

/** A 400 naming each query parameter that is wrong (`pointer` relative to the query, e.g. `/near`). */
export function invalidQuery(errors: FieldError[], detail?: string): ProblemError {
  return invalidFields('invalid-request', 'query', errors, detail);
}

export const problemContentType = 'application/problem+json; charset=utf-8';
