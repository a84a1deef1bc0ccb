import { paginate, type HubClient } from '@smart-region/sdk';
import { collect } from '../core/collect.js';
import { contentLanguage, type Locale } from '../core/i18n.js';
import type { LookupKind } from './catalogue.js';

/** One entry of a pick list: the value the attribute takes, the name a webmaster knows. */
export interface Choice {
  value: string;
  label: string;
}

const byLabel = (a: Choice, b: Choice) => a.label.localeCompare(b.label, 'de');

/** A pick list of the Hub, read as anyone may read it (no sign-in), sorted by name. */
export async function lookup(hub: HubClient, kind: LookupKind, locale: Locale, signal: AbortSignal): Promise<Choice[]> {
  const query = { limit: 100 } as const;
  switch (kind) {
    case 'municipality':
      return (await collect(paginate(hub, '/municipalities', { params: { query }, signal }))).map(({ id, name }) => ({
        value: id,
        label: name,
      }));
    case 'organization':
      return (await collect(paginate(hub, '/organizations', { params: { query }, signal })))
        .map(({ slug, name }) => ({ value: slug, label: name }))
        .sort(byLabel);
    case 'poll':
      return (await collect(paginate(hub, '/polls', { params: { query }, signal }))).map(({ shortCode, question }) => ({
        value: shortCode,
        label: question,
      }));
    case 'topic': {
      const { items } = await hub.GET('/help-topics', { signal });
      return items.map(({ id, name }) => ({ value: id, label: name[contentLanguage(locale)] })).sort(byLabel);
    }
    case 'category': {
      const { items } = await hub.GET('/event-categories', { signal });
      return items.map(({ id, name }) => ({ value: id, label: name[contentLanguage(locale)] })).sort(byLabel);
    }
  }
}
