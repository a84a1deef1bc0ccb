import type { FastifyInstance, FastifySchema } from 'fastify';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

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
  return ajv;
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
    ...(schema.properties ? { properties: Object.fromEntries(Object.entries(schema.properties).map(([name, value]) => [name.toLowerCase(), value])) } : {}),
    ...(schema.required ? { required: schema.required.map((name) => name.toLowerCase()) } : {}),
  };
}

export function registerValidation(app: FastifyInstance): void {
  const forText = createAjv(true);
  const forBody = createAjv(false);
  app.setValidatorCompiler(({ schema, httpPart }) => {
    if (httpPart === 'body') return forBody.compile(schema as FastifySchema & object);
    return forText.compile((httpPart === 'headers' ? lowerCaseHeaderNames(schema as HeaderSchema) : schema) as FastifySchema & object);
  });
}
