import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import type { ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { loadContract } from './contract.js';
import { fieldError, invalidFields, type FieldError } from './problems.js';

/**
 * The contract's `format: email`, stricter than RFC 5322: a dot-atom local part without `%`, `?`,
 * `&` and `#` (they have a meaning in a `mailto:` URI, so an address such as
 * `info?bcc=x@y.example&subject=…@z.example` could add recipients or headers to a citizen's
 * draft), no quoted local parts, no whitespace or control characters, and a domain of host-name
 * labels ending in a top-level domain that starts with a letter. Every real organization's
 * address fits; the contract's description states the same rule.
 */
const atext = "[A-Za-z0-9!$'*+/=^_`{|}~-]";
const label = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const emailPattern = new RegExp(`^(?=.{1,64}@)${atext}+(?:\\.${atext}+)*@(?:${label}\\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$`);
export const isEmail = (value: string): boolean => value.length <= 254 && emailPattern.test(value);

/**
 * OpenAPI 3.1 schemas are JSON Schema 2020-12, so requests are validated with Ajv's 2020 dialect.
 * Query, path and header values arrive as text and are coerced to the contract's types;
 * bodies are JSON and are not: `"name": 42` is an error to report, not a name "42".
 */
export function createAjv(coerce: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    coerceTypes: coerce ? 'array' : false,
    useDefaults: true,
    removeAdditional: false,
    // OpenAPI adds annotation keywords JSON Schema does not know (e.g. `example`).
    strict: false,
  });
  addFormats.default(ajv);
  ajv.addFormat('email', isEmail);
  return ajv;
}

/** A field of a value checked against one of the contract's schemas, and what is wrong with it. */
export interface SchemaIssue {
  pointer: string;
  reason: string;
}

/**
 * A check of values against one of the contract's schemas, as the API checks request bodies: for
 * what arrives another way (an iCalendar feed, an HSDS dataset) and must meet the same rules.
 */
export function contractSchemaCheck(schemaName: string): (value: unknown) => SchemaIssue[] {
  let validate: ValidateFunction | undefined;
  return (value) => {
    if (!validate) {
      const ajv = createAjv(false);
      ajv.addSchema(loadContract().document, 'hub');
      validate = ajv.getSchema(`hub#/components/schemas/${schemaName}`)!;
    }
    if (validate(value)) return [];
    // A nullable field's other branch ("must be null", "must match exactly one schema") is noise here.
    const issues = (validate.errors ?? []).filter(
      (issue) => issue.keyword !== 'oneOf' && !(issue.keyword === 'type' && (issue.params as { type?: string }).type === 'null'),
    );
    return issues.map((issue) => {
      const missing = (issue.params as { missingProperty?: string }).missingProperty;
      return {
        pointer: `${issue.instancePath}${missing ? `/${missing}` : ''}`,
        reason: missing ? 'is missing' : (issue.message ?? 'is not valid'),
      };
    });
  };
}

interface HeaderSchema {
  properties?: Record<string, unknown>;
  required?: string[];
}

/**
 * Node gives header names in lower case, and Fastify lowercases header schemas only for its own
 * compiler, so a required `Idempotency-Key` would never be found. Lowercased here the same way.
 */
function lowerCaseHeaderNames(schema: HeaderSchema): HeaderSchema {
  return {
    ...schema,
    ...(schema.properties
      ? { properties: Object.fromEntries(Object.entries(schema.properties).map(([name, value]) => [name.toLowerCase(), value])) }
      : {}),
    ...(schema.required ? { required: schema.required.map((name) => name.toLowerCase()) } : {}),
  };
}

/** JSON Pointer escaping of one key (RFC 6901). */
const pointerKey = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** Where a decoded value holds U+0000, as a JSON pointer below `pointer` (relative to the request part). */
function nulAt(value: unknown, pointer: string, isBody: boolean): FieldError | undefined {
  // Bytes (a zip) are no text: what they hold is read, and checked, by the handler.
  if (value instanceof Uint8Array) return undefined;
  if (typeof value === 'string') {
    const at = value.indexOf('\0');
    if (at < 0) return undefined;
    // A text body (an iCalendar feed) is named by its line, a field by its pointer.
    const line = pointer === '' && isBody ? ` in line ${value.slice(0, at).split('\n').length}` : '';
    return fieldError(pointer, 'nul-character', `must not contain the NUL character (U+0000)${line}`);
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const inner = `${pointer}/${pointerKey(key)}`;
    if (key.includes('\0')) return fieldError(inner, 'nul-character', 'must not contain the NUL character (U+0000) in its name');
    const found = nulAt(item, inner, isBody);
    if (found) return found;
  }
  return undefined;
}

/**
 * PostgreSQL text cannot hold U+0000, and no text of the contract needs it: one check of every
 * decoded path parameter, query parameter and body, before the contract's schemas and any
 * handler, refuses it naming the field (headers cannot carry it: Node's parser refuses them).
 */
async function refuseNul(request: FastifyRequest): Promise<void> {
  for (const [part, value] of [
    ['path', request.params],
    ['query', request.query],
    ['body', request.body],
  ] as const) {
    const error = nulAt(value, '', part === 'body');
    if (error) throw invalidFields(part === 'body' ? 'validation-failed' : 'invalid-request', part, [error]);
  }
}

export function registerValidation(app: FastifyInstance): void {
  app.addHook('preValidation', refuseNul);
  const forText = createAjv(true);
  const forBody = createAjv(false);
  app.setValidatorCompiler(({ schema, httpPart }) => {
    // A body the contract takes as bytes (`format: binary`, a zip) arrives as a Buffer from its parser.
    if (httpPart === 'body' && (schema as { format?: string }).format === 'binary') return (body: unknown) => body instanceof Uint8Array;
    if (httpPart === 'body') return forBody.compile(schema as FastifySchema & object);
    return forText.compile((httpPart === 'headers' ? lowerCaseHeaderNames(schema as HeaderSchema) : schema) as FastifySchema & object);
  });
}
