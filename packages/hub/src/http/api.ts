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

export type OperationHandler<Op extends keyof operations> = (
  request: OperationRequest<Op>,
  reply: FastifyReply,
) => Promise<unknown>;

/** One handler per operation of the contract; the Hub refuses to start if one is missing. */
export type Handlers = { [Op in keyof operations]: OperationHandler<Op> };
