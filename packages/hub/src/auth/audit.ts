import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditActorKind, Database } from '../db/schema.js';
import { operationOf, type ContractOperation } from '../http/contract.js';
import { ProblemError } from '../http/problems.js';
import type { Principal } from './principal.js';

/** One line of the audit log: who did what to which resource of which organization. Ids only. */
export interface AuditEntry {
  actor: Principal;
  organizationId: string | null;
  /** The contract's operationId, e.g. `updateEvent`, `listVolunteerResponses`. */
  action: string;
  resource: { type: string; id: string } | null;
}

function actorOf(principal: Principal): { kind: AuditActorKind; id: string | null } {
  switch (principal.kind) {
    case 'person':
      return { kind: 'person', id: principal.personId };
    case 'key':
      return { kind: 'api-key', id: principal.keyId };
    case 'admin':
      return principal.keyId === null ? { kind: 'admin-token', id: null } : { kind: 'api-key', id: principal.keyId };
  }
}

export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  const actor = actorOf(entry.actor);
  await db
    .insertInto('audit_log')
    .values({
      actor_kind: actor.kind,
      actor_id: actor.id,
      organization_id: entry.organizationId,
      action: entry.action,
      resource_type: entry.resource?.type ?? null,
      resource_id: entry.resource?.id ?? null,
    })
    .execute();
}

/** `volunteerResponseId` → `volunteer-response`, `api-keys` → `api-key`. */
function resourceType(name: string): string {
  return name
    .replace(/Id$/, '')
    .replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
    .replace(/ies$/, 'y')
    .replace(/s$/, '');
}

function createdId(reply: FastifyReply, payload: unknown): string | undefined {
  if (typeof payload !== 'string' || !String(reply.getHeader('content-type') ?? '').includes('json')) return undefined;
  const id = (JSON.parse(payload) as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * What the answer was about: what the handler named (`request.auditResource`); for a 201, what it
 * created (the body's `id`, typed by the path's last segment); otherwise the path's last identifier.
 */
function resourceOf(operation: ContractOperation, request: FastifyRequest, reply: FastifyReply, payload: unknown): AuditEntry['resource'] {
  if (request.auditResource) return request.auditResource;
  const created = reply.statusCode === 201 ? createdId(reply, payload) : undefined;
  if (created !== undefined) return { type: resourceType(operation.path.split('/').at(-1)!), id: created };
  const name = [...operation.path.matchAll(/\{([^}]+)\}/g)].at(-1)?.[1];
  const id = name && (request.params as Record<string, string>)[name];
  return name && id ? { type: resourceType(name), id } : null;
}

function audited(operation: ContractOperation, request: FastifyRequest, reply: FastifyReply): boolean {
  const succeeded = reply.statusCode >= 200 && reply.statusCode < 300;
  const changes = request.method !== 'GET' && request.method !== 'HEAD' && !operation.changesNothing;
  return succeeded && request.principal !== undefined && (changes || operation.personalData);
}

/**
 * The one audit hook (`onSend`, app.ts): every successful change made with a credential, and
 * every read of citizens' personal data (`x-personal-data` in the contract), is written to
 * `audit_log` before the answer leaves. Operations that sign someone in set `request.principal`
 * themselves and are recorded the same way. When the row cannot be written the request fails:
 * nothing happens unaudited.
 */
export function auditAnswers(db: Kysely<Database>) {
  async function write(operation: ContractOperation, request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<void> {
    try {
      await recordAudit(db, {
        actor: request.principal!,
        organizationId: request.organization?.id ?? null,
        action: operation.operationId,
        resource: resourceOf(operation, request, reply, payload),
      });
    } catch (error) {
      request.log.error({ err: error }, 'the audit log could not be written');
      throw new ProblemError('service-unavailable', 'The audit log could not be written. Try again shortly.', {
        headers: { 'Retry-After': '5' },
      });
    }
  }
  // A callback, not an async hook: most answers (every public read) need no row, and no promise either.
  return function audit(
    request: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
    done: (error: Error | null, payload?: unknown) => void,
  ): void {
    const operation = operationOf(request);
    if (!operation || !audited(operation, request, reply)) return done(null, payload);
    write(operation, request, reply, payload).then(
      () => done(null, payload),
      (error: Error) => done(error),
    );
  };
}
