import type { WidgetName } from './url-state.js';
import { reservedAttributes, widgetNames } from './url-state.js';

/** The parts of `custom-elements.json` the configurator reads. */
export interface ElementsManifest {
  modules: {
    declarations?: {
      tagName?: string;
      customElement?: boolean;
      attributes?: { name: string; description?: string; type?: { text: string } }[];
    }[];
  }[];
}

/** Hub lists a webmaster picks from by name; the value is the id the attribute takes. */
export type LookupKind = 'municipality' | 'organization' | 'topic' | 'category' | 'poll';

export type AttributeOption =
  | { name: string; description: string; kind: 'lookup'; lookup: LookupKind }
  | { name: string; description: string; kind: 'choice'; values: string[] }
  | { name: string; description: string; kind: 'text'; type: 'text' | 'url' | 'date' };

/** Attributes whose values are the Hub's ids. */
const lookups: Record<string, LookupKind> = {
  municipality: 'municipality',
  organization: 'organization',
  topic: 'topic',
  category: 'category',
  'poll-id': 'poll',
};

/** Attributes without which a widget has nothing to show (the manifest does not say which are required). */
export const requiredAttributes: Partial<Record<WidgetName, readonly string[]>> = { poll: ['poll-id'] };

/** Types the manifest names without their values (type aliases are not part of it). */
const namedTypes: Record<string, string[]> = {
  CalendarView: ['month', 'week', 'list'],
  CrisisPosition: ['top', 'bottom'],
};

/** `'a' | 'b' | undefined` → `['a', 'b']`; a named type by its known values. */
function valuesOfType(type: string | undefined): string[] {
  const parts = (type ?? '')
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== 'undefined');
  const literals = parts.filter((part) => /^'[^']*'$/.test(part)).map((part) => part.slice(1, -1));
  if (literals.length > 0 && literals.length === parts.length) return literals;
  return parts.length === 1 ? (namedTypes[parts[0]!] ?? []) : [];
}

/** A list of words in one code span of the description (`children youth adults`): the values it takes. */
function valuesOfDescription(description: string): string[] {
  const list = /`([a-z]+(?: [a-z]+)+)`/.exec(description);
  return list ? list[1]!.split(' ') : [];
}

function optionOf(name: string, description: string, type: string | undefined): AttributeOption | undefined {
  if (reservedAttributes.includes(name) || type === 'boolean') return undefined;
  const lookup = lookups[name];
  if (lookup) return { name, description, kind: 'lookup', lookup };
  const values = valuesOfType(type);
  if (values.length > 0) return { name, description, kind: 'choice', values };
  const listed = valuesOfDescription(description);
  if (listed.length > 0) return { name, description, kind: 'choice', values: listed };
  return { name, description, kind: 'text', type: name.endsWith('-url') ? 'url' : name === 'date' ? 'date' : 'text' };
}

/**
 * The options of each widget as its manifest declares them: every attribute a webmaster may set
 * (not the Hub's address, the time zone, language or theme, which the configurator handles
 * itself; not switches such as `seo`, which belong to the page rather than the widget's content).
 */
export function widgetOptions(manifest: ElementsManifest): Record<WidgetName, AttributeOption[]> {
  const options = Object.fromEntries(widgetNames.map((name) => [name, [] as AttributeOption[]])) as Record<WidgetName, AttributeOption[]>;
  for (const declaration of manifest.modules.flatMap((module) => module.declarations ?? [])) {
    const name = declaration.tagName?.replace(/^sr-/, '') as WidgetName | undefined;
    if (!declaration.customElement || !name || !widgetNames.includes(name)) continue;
    options[name] = (declaration.attributes ?? []).flatMap((attribute) => {
      const option = optionOf(attribute.name, attribute.description ?? '', attribute.type?.text);
      return option ? [option] : [];
    });
  }
  return options;
}
