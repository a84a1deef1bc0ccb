import type { Schemas } from '../http/api.js';

type CategoryId = Schemas['EventCategoryId'];

/** The fixed category list, German first. The order is the order of `GET /event-categories`. */
export const eventCategories: readonly Schemas['EventCategory'][] = [
  { id: 'culture', name: { de: 'Kultur', en: 'Culture' } },
  { id: 'sports', name: { de: 'Sport', en: 'Sports' } },
  { id: 'family', name: { de: 'Familie', en: 'Family' } },
  { id: 'seniors', name: { de: 'Senioren', en: 'Seniors' } },
  { id: 'youth', name: { de: 'Jugend', en: 'Youth' } },
  { id: 'citizens-participation', name: { de: 'Bürgerbeteiligung', en: 'Citizen participation' } },
  { id: 'health', name: { de: 'Gesundheit', en: 'Health' } },
  { id: 'church', name: { de: 'Kirche', en: 'Church' } },
  { id: 'market', name: { de: 'Markt und Feste', en: 'Markets and festivals' } },
  { id: 'volunteering', name: { de: 'Ehrenamt', en: 'Volunteering' } },
  { id: 'education', name: { de: 'Bildung', en: 'Education' } },
  { id: 'environment', name: { de: 'Umwelt und Natur', en: 'Environment and nature' } },
];

const byName = new Map<string, CategoryId>(
  eventCategories.flatMap((category) => [
    [category.id, category.id],
    [category.name.de.toLowerCase(), category.id],
    [category.name.en.toLowerCase(), category.id],
  ]),
);

/** German name of a category, as written into iCalendar `CATEGORIES`. */
export function categoryName(id: CategoryId): string {
  return eventCategories.find((category) => category.id === id)?.name.de ?? id;
}

/** The category an iCalendar `CATEGORIES` value means (id, German or English name), if any. */
export function categoryFromName(name: string): CategoryId | undefined {
  return byName.get(name.trim().toLowerCase());
}
