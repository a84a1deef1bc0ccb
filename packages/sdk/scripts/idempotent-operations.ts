// Writes src/generated/idempotent-operations.ts: the operations of openapi/hub.yaml that declare an
// `Idempotency-Key` header, so the client adds one to them at run time. Run after changing the
// contract: `npm run generate` (a test fails when it drifts).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const contractPath = fileURLToPath(new URL('../../../openapi/hub.yaml', import.meta.url));
export const outputPath = fileURLToPath(new URL('../src/generated/idempotent-operations.ts', import.meta.url));

interface Parameter {
  $ref?: string;
  name?: string;
  in?: string;
}

type Document = {
  paths: Record<string, Record<string, { parameters?: Parameter[] } | Parameter[]>>;
  components?: { parameters?: Record<string, Parameter> };
};

function resolve(document: Document, parameter: Parameter): Parameter {
  const name = parameter.$ref?.replace('#/components/parameters/', '');
  return name ? (document.components?.parameters?.[name] ?? {}) : parameter;
}

/** `METHOD /path` of every operation with an `Idempotency-Key` header parameter, sorted. */
export function idempotentOperations(contract: string): string[] {
  const document = parse(contract) as Document;
  const found: string[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    const shared = (item.parameters as Parameter[] | undefined) ?? [];
    for (const [method, operation] of Object.entries(item)) {
      if (method === 'parameters' || Array.isArray(operation)) continue;
      const parameters = [...shared, ...(operation.parameters ?? [])].map((parameter) => resolve(document, parameter));
      if (parameters.some((parameter) => parameter.in === 'header' && parameter.name?.toLowerCase() === 'idempotency-key')) {
        found.push(`${method.toUpperCase()} ${path}`);
      }
    }
  }
  return found.sort();
}

export function render(operations: string[]): string {
  return `// Generated from openapi/hub.yaml by packages/sdk/scripts/idempotent-operations.ts. Do not edit.

/** Operations whose contract asks for an \`Idempotency-Key\` header, as \`METHOD /path template\`. */
export const idempotentOperations: ReadonlySet<string> = new Set([
${operations.map((operation) => `  '${operation}',`).join('\n')}
]);
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(outputPath, render(idempotentOperations(await readFile(contractPath, 'utf8'))));
  console.log(`wrote ${outputPath}`);
}
