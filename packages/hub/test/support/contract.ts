import assert from 'node:assert/strict';
import type { operations } from '@smart-region/sdk';
import { loadContract } from '../../src/http/contract.js';
import { createAjv } from '../../src/http/validation.js';

/*
 * What the contract promises of an answer, checked one way for every domain's tests (and for the
 * contract fuzz test): the status is documented for the operation, the media type is one it
 * documents for that status, and a JSON body matches the documented schema.
 */

export type Json = Record<string, unknown>;
export type ContractDocument = Json & { paths: Record<string, Json> };
export type OperationId = keyof operations;

/** The body the SDK's generated types give an operation's answer with `status` (its JSON one, when there are others). */
export type DocumentedBody<
  Op extends OperationId,
  Status extends keyof operations[Op]['responses'],
> = operations[Op]['responses'][Status] extends { content: infer Content }
  ? Content extends { 'application/json': infer Json }
    ? Json
    : Content[keyof Content]
  : undefined;

export const escapePointer = (part: string) => part.replaceAll('~', '~0').replaceAll('/', '~1');

/** Follows a `$ref` inside the contract; returns the value and the JSON pointer where it lives. */
export function resolve(document: ContractDocument, value: Json, pointer: string): { value: Json; pointer: string } {
  const ref = value['$ref'];
  if (typeof ref !== 'string') return { value, pointer };
  const target = ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, part) => (node as Json)[part.replaceAll('~1', '/').replaceAll('~0', '~')], document);
  return resolve(document, target as Json, ref.slice(1));
}

/** Per documented status of each operation: media type → JSON pointer of its schema (if any). */
type DocumentedResponses = Map<string, Map<string, string | undefined>>;

function documentedResponses(document: ContractDocument): Map<string, DocumentedResponses> {
  const byOperation = new Map<string, DocumentedResponses>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, rawOperation] of Object.entries(item)) {
      if (method === 'parameters') continue;
      const operation = rawOperation as Json;
      const base = `/paths/${escapePointer(path)}/${method}`;
      const responses: DocumentedResponses = new Map();
      for (const [status, rawResponse] of Object.entries(operation['responses'] as Json)) {
        const response = resolve(document, rawResponse as Json, `${base}/responses/${status}`);
        const content = (response.value['content'] as Record<string, Json> | undefined) ?? {};
        responses.set(
          status,
          new Map(
            Object.entries(content).map(([type, media]) => [
              type,
              media['schema'] ? `${response.pointer}/content/${escapePointer(type)}/schema` : undefined,
            ]),
          ),
        );
      }
      byOperation.set(operation['operationId'] as string, responses);
    }
  }
  return byOperation;
}

let checker: ReturnType<typeof contractChecker> | undefined;

/** The contract, read and compiled once per test file. */
export function contract() {
  return (checker ??= contractChecker());
}

function contractChecker() {
  const document = loadContract().document as ContractDocument;
  const ajv = createAjv(false);
  ajv.addSchema(document, 'hub');
  const responses = documentedResponses(document);
  return {
    document,
    /** The promises an answer to `operationId` breaks; empty when it keeps them all. */
    brokenPromises: (operationId: string, status: number, contentType: string, text: string): string[] => {
      const broken: string[] = [];
      if (status >= 500) broken.push(`${status} server error: ${text.slice(0, 300)}`);
      const mediaType = contentType.split(';', 1)[0]!.trim();
      if (status >= 400 && mediaType !== 'application/problem+json')
        broken.push(`${status} as ${mediaType || 'no content type'}, not application/problem+json`);
      const statuses = responses.get(operationId);
      if (!statuses) return [...broken, `${operationId} is not an operation of the contract`];
      const documented = statuses.get(String(status)) ?? statuses.get(`${String(status)[0]}XX`) ?? statuses.get('default');
      if (!documented) return [...broken, `${status} is not documented for ${operationId}`];
      if (status === 304 || status === 204 || documented.size === 0) return broken;
      if (!documented.has(mediaType)) return [...broken, `${status} as ${mediaType}, documented: ${[...documented.keys()].join(', ')}`];
      const pointer = documented.get(mediaType);
      if (!pointer || !mediaType.includes('json')) return broken;
      const validate = ajv.getSchema(`hub#${pointer}`);
      if (!validate) return [...broken, `no schema at ${pointer}`];
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return [...broken, `${status} body is not JSON: ${text.slice(0, 200)}`];
      }
      if (!validate(body)) broken.push(`${status} body does not match ${pointer}: ${ajv.errorsText(validate.errors)}`);
      return broken;
    },
  };
}

/**
 * Asserts that `response` answers `operationId` with `status` exactly as the contract documents
 * it, and returns its JSON body typed as the SDK types it.
 */
export async function expectDocumented<
  Op extends OperationId,
  Status extends keyof operations[Op]['responses'] & number = 200 & keyof operations[Op]['responses'],
>(response: Response, operationId: Op, status?: Status): Promise<DocumentedBody<Op, Status>> {
  const text = await response.text();
  const expected = status ?? 200;
  assert.equal(response.status, expected, `${operationId}: expected ${expected}, got ${response.status}: ${text.slice(0, 500)}`);
  const broken = contract().brokenPromises(operationId, response.status, response.headers.get('content-type') ?? '', text);
  assert.deepEqual(broken, [], `${operationId} answered as the contract does not document`);
  return (text ? JSON.parse(text) : undefined) as DocumentedBody<Op, Status>;
}
