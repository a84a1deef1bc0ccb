import type { FastifyReply, FastifyRequest } from 'fastify';
import type { components, operations } from '@smart-region/sdk';

/** Schemas of the contract, as generated for the SDK: the Hub answers exactly these shapes. */
export type Schemas = components['schemas'];

type Parameters<Op extends keyof operations> = operations[Op]['parameters'];
type Body<Op extends keyof operations> = operations[Op] extends {
  requestBody: { content: { 'application/json': infer Json } };
}
  ? Json
  : never;

/** A Fastify request typed by the contract operation it serves (already validated by then). */
export type OperationRequest<Op extends keyof operations> = FastifyRequest<{
  Querystring: NonNullable<Parameters<Op>['query']>;
  Params: NonNullable<Parameters<Op>['path']>;
  Headers: NonNullable<Parameters<Op>['header']>;
  Body: Body<Op>;
}>;

type Responses<Op extends keyof operations> = operations[Op]['responses'];
/** The statuses of an operation's successful answers (2xx); a 304 is the ETag hook's, never a handler's. */
type SuccessStatus<Op extends keyof operations> = {
  [Status in keyof Responses<Op>]: `${Status & number}` extends `2${string}` ? Status : never;
}[keyof Responses<Op>];
/**
 * What one documented answer carries: the schema of its JSON, a string for text/calendar and
 * text/csv, nothing (`void`) where the contract documents no content (204).
 */
type ResponseBody<Response> = Response extends { content: infer Content }
  ? Content extends Record<string, unknown>
    ? Content[keyof Content]
    : void
  : void;

/**
 * What a handler of `Op` may resolve to: the body of one of the operation's successful answers.
 * A handler that sets the status (201, 204) through `reply` returns that status's body, so the
 * union of every documented 2xx body.
 */
export type OperationResult<Op extends keyof operations> = {
  [Status in SuccessStatus<Op>]: ResponseBody<Responses<Op>[Status]>;
}[SuccessStatus<Op>];

export type OperationHandler<Op extends keyof operations> = (
  request: OperationRequest<Op>,
  reply: FastifyReply,
) => Promise<OperationResult<Op>>;

/** One handler per operation of the contract; the Hub refuses to start if one is missing. */
export type Handlers = { [Op in keyof operations]: OperationHandler<Op> };
