import type { components } from './generated/hub.js';
import { parseRetryAfter } from './retry-after.js';

/** An error answer of the Hub (RFC 9457 problem details), as the contract describes it. */
export type Problem = components['schemas']['Problem'];

/** One invalid field of a request, e.g. `{ pointer: '/query/limit', reason: 'must be <= 100' }`. */
export type FieldError = NonNullable<Problem['errors']>[number];

/**
 * `type` of a `HubError` whose request got no usable answer: offline, DNS, refused connection,
 * CORS, a connection lost mid-answer, a captive portal's page instead of JSON. Such errors also
 * have `status` 0.
 */
export const networkErrorType = 'network-error';

/** What a `HubError` is made of; every field but `status`, `type` and `title` may be missing. */
export interface HubErrorInit {
  status: number;
  type: string;
  title: string;
  detail?: string | undefined;
  errors?: FieldError[] | undefined;
  retryAfter?: number | undefined;
  problem?: Problem | undefined;
}

/**
 * Every way a Hub call can fail, except an abort (which rejects with the signal's reason).
 *
 * - The Hub answered with an error: `status` is the HTTP status and, for a problem+json answer,
 *   `type` is its stable identifier (e.g. `/problems/not-found`) to branch on; `title` and
 *   `detail` are for people. Other error bodies (a proxy's HTML page) get `type` `about:blank`.
 * - No usable answer: `status` is 0 and `type` is `networkErrorType`; `cause` holds the original
 *   error (of `fetch`, or of reading the body).
 */
export class HubError extends Error {
  override readonly name = 'HubError';
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  /** One entry per invalid field; empty when the problem names none. */
  readonly errors: FieldError[];
  /** Seconds the Hub asks to wait before trying again (`Retry-After`), e.g. on 429 or 503. */
  readonly retryAfter: number | undefined;
  /** The problem document as the Hub sent it, when it sent one. */
  readonly problem: Problem | undefined;

  constructor(init: HubErrorInit, options?: ErrorOptions) {
    super(init.detail ? `${init.title} ${init.detail}` : init.title, options);
    this.status = init.status;
    this.type = init.type;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.retryAfter = init.retryAfter;
    this.problem = init.problem;
  }

  /** True when the request got no answer: show "offline", not "the Hub reported an error". */
  get isNetworkError(): boolean {
    return this.status === 0;
  }

  /** The error for a request that got no usable answer. */
  static network(cause: unknown): HubError {
    return new HubError({ status: 0, type: networkErrorType, title: 'The Hub could not be reached.' }, { cause });
  }

  /**
   * The error for an error answer. `body` is the answer's body as openapi-fetch read it: parsed
   * JSON when it was JSON, else the text.
   */
  static fromResponse(response: Response, body: unknown): HubError {
    const status = response.status;
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
    // RFC 9457 §4.2.1: without a better title, the status code's phrase is the title.
    const statusTitle = response.statusText || `HTTP error ${status}`;
    if (!isProblem(body, response)) {
      // RFC 9457 §4.2.1: "about:blank" means the status code says all there is.
      return new HubError({ status, type: 'about:blank', title: statusTitle, retryAfter });
    }
    // Mistyped members get RFC 9457's defaults rather than failing: a sloppy error answer
    // still becomes a useful HubError.
    return new HubError({
      status,
      type: typeof body.type === 'string' ? body.type : 'about:blank',
      title: typeof body.title === 'string' ? body.title : statusTitle,
      detail: typeof body.detail === 'string' ? body.detail : undefined,
      errors: Array.isArray(body.errors) ? body.errors.filter(isFieldError) : [],
      retryAfter,
      problem: body as Problem,
    });
  }
}

/**
 * Whether the body is a problem: declared as `application/problem+json`, or a JSON object with
 * a problem's `title` and `status` (some proxies and frameworks send `application/json`).
 */
function isProblem(body: unknown, response: Response): body is Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  if (/^application\/problem\+json\b/i.test(response.headers.get('Content-Type') ?? '')) return true;
  const { title, status } = body as Record<string, unknown>;
  return typeof title === 'string' && typeof status === 'number';
}

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) return false;
  const { pointer, reason } = value as Record<string, unknown>;
  return typeof pointer === 'string' && typeof reason === 'string';
}
