import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { assetUrl } from '../assets.js';

/** The contract every route is generated from; the same file the SDK types come from. */
export const contractUrl = assetUrl('contract');

export type SecurityRequirement = Record<string, string[]>;

export interface ContractOperation {
  operationId: string;
  method: string;
  /** OpenAPI path template, e.g. `/organizations/{organizationId}`. */
  path: string;
  /** Alternatives: one of them must be met. Empty means public. */
  security: SecurityRequirement[];
  /** Media types the request body may have; empty when the operation takes no body. */
  bodyTypes: string[];
  /** `requestBody.required`: a request without a body is refused before the handler. */
  bodyRequired: boolean;
  /** The response statuses the operation documents, e.g. `['200', '304', '400']`. */
  statuses: string[];
  /** `x-personal-data: true`: it reads citizens' personal data, so every read is audited (auth/audit.ts). */
  personalData: boolean;
  /** `x-changes-nothing: true`: a POST that only answers (a preview), so it is no change to audit. */
  changesNothing: boolean;
  /** Its 200 answer documents an `ETag` header: for a change, the new version for the next `If-Match`. */
  etagOnSuccess: boolean;
}

export interface Contract {
  document: Record<string, unknown>;
  text: string;
  version: string;
  operations: ContractOperation[];
  /** Methods the contract allows on the path of `url`, or undefined when no path matches. */
  allowedMethods(url: string): string[] | undefined;
}

const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function loadContract(): Contract {
  const text = readFileSync(contractUrl, 'utf8');
  const document = parse(text) as {
    info: { version: string };
    security?: SecurityRequirement[];
    paths: Record<
      string,
      Record<
        string,
        {
          operationId: string;
          security?: SecurityRequirement[];
          requestBody?: { content: Record<string, unknown>; required?: boolean };
          responses: Record<string, { headers?: Record<string, unknown> } | undefined>;
          'x-personal-data'?: boolean;
          'x-changes-nothing'?: boolean;
        }
      >
    >;
  };
  const operations: ContractOperation[] = [];
  const matchers: { pattern: RegExp; methods: string[] }[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    const methods: string[] = [];
    for (const [method, operation] of Object.entries(item)) {
      if (!httpMethods.includes(method)) continue;
      methods.push(method.toUpperCase());
      operations.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path,
        security: operation.security ?? document.security ?? [],
        bodyTypes: Object.keys(operation.requestBody?.content ?? {}),
        bodyRequired: operation.requestBody?.required === true,
        statuses: Object.keys(operation.responses),
        personalData: operation['x-personal-data'] === true,
        changesNothing: operation['x-changes-nothing'] === true,
        etagOnSuccess: operation.responses['200']?.headers?.['ETag'] !== undefined,
      });
    }
    if (methods.includes('GET')) methods.push('HEAD');
    const pattern = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    matchers.push({ pattern, methods });
  }
  return {
    document,
    text,
    version: document.info.version,
    operations,
    allowedMethods(url) {
      const path = url.split('?', 1)[0] ?? url;
      return matchers.find((matcher) => matcher.pattern.test(path))?.methods;
    },
  };
}

/** Route options' `config` of every route generated from the contract (see app.ts). */
export interface OperationConfig {
  operation: ContractOperation;
}

/** The contract operation a request is routed to; undefined for pages, files and the 404 handler. */
export function operationOf(request: { routeOptions: { config: unknown } }): ContractOperation | undefined {
  return (request.routeOptions.config as Partial<OperationConfig> | undefined)?.operation;
}
