import type { Schemas } from '../http/api.js';

/**
 * The Hub's open datasets: what the downloads serve and the DCAT-AP.de catalogue describes, in
 * one list. Ids are the contract's `OpenDatasetId`; a test checks both agree.
 */

export type DatasetId = Schemas['OpenDatasetId'];
export type DownloadFormat = 'csv' | 'json' | 'geojson';

/** How often a dataset changes, as the EU's frequency vocabulary names it. */
export type UpdateFrequency = 'CONT' | 'DAILY' | 'IRREG' | 'NEVER';

export interface Dataset {
  id: DatasetId;
  title: { de: string; en: string };
  description: { de: string; en: string };
  keywords: { de: string[]; en: string[] };
  formats: readonly DownloadFormat[];
  /** Live data changes whenever an organization writes: `CONT` (continuously). */
  frequency: UpdateFrequency;
  /**
   * The period the data covers: `rolling-year` for the events (today to a year ahead),
   * `since-start` for entries that exist until removed.
   */
  temporal: 'rolling-year' | 'since-start';
  /** The EU data theme (`http://publications.europa.eu/resource/authority/data-theme/…`). */
  theme: 'SOCI' | 'GOVE' | 'REGI' | 'EDUC';
}

export const DATASETS: readonly Dataset[] = [
  {
    id: 'municipalities',
    title: { de: 'Gemeinden der Region Würzburg', en: 'Municipalities of the Würzburg region' },
    description: {
      de: 'Die Stadt Würzburg und die Gemeinden des Landkreises Würzburg mit amtlichem Gemeindeschlüssel, Art, Kreis und Mittelpunkt.',
      en: 'The city of Würzburg and the municipalities of the district of Würzburg with official municipality key, kind, district and centre.',
    },
    keywords: { de: ['Gemeinden', 'Gemeindeschlüssel', 'Landkreis Würzburg'], en: ['municipalities', 'official key', 'Würzburg district'] },
    formats: ['csv', 'json', 'geojson'],
    frequency: 'IRREG',
    temporal: 'since-start',
    theme: 'REGI',
  },
  {
    id: 'organizations',
    title: { de: 'Organisationen', en: 'Organizations' },
    description: {
      de: 'Ämter, Vereine, Wohlfahrtsverbände, Kirchengemeinden und Initiativen, die im Hub veröffentlichen, mit ihren öffentlichen Kontaktangaben.',
      en: 'Public offices, clubs, welfare organizations, parishes and initiatives that publish in the Hub, with their public contact details.',
    },
    keywords: { de: ['Vereine', 'Organisationen', 'Ehrenamt'], en: ['clubs', 'organizations', 'civil society'] },
    formats: ['csv', 'json'],
    frequency: 'CONT',
    temporal: 'since-start',
    theme: 'SOCI',
  },
  {
    id: 'help-offers',
    title: { de: 'Hilfe- und Beratungsangebote', en: 'Help and counselling services' },
    description: {
      de: 'Beratungsstellen, Krisendienste, Selbsthilfegruppen und soziale Dienste mit Themen, Zielgruppen, Sprachen, Kosten, Orten und Öffnungszeiten. Auch als Open Referral HSDS 3.0 unter /hsds/.',
      en: 'Counselling services, crisis lines, self-help groups and social services with topics, audiences, languages, costs, places and opening hours. Also as Open Referral HSDS 3.0 at /hsds/.',
    },
    keywords: { de: ['Beratung', 'Hilfe', 'Soziales', 'Selbsthilfe'], en: ['counselling', 'help', 'social services', 'self-help'] },
    formats: ['csv', 'json', 'geojson'],
    frequency: 'CONT',
    temporal: 'since-start',
    theme: 'SOCI',
  },
  {
    id: 'events',
    title: { de: 'Veranstaltungen', en: 'Events' },
    description: {
      de: 'Termine der Veranstaltungen in Stadt und Landkreis Würzburg von heute an für ein Jahr, jede Wiederholung einzeln, mit Ort, Veranstalter und Eintritt. Auch als iCalendar (/events.ics) und schema.org (/events.jsonld).',
      en: 'Dates of the events in the city and district of Würzburg from today for one year, each repetition on its own, with place, organizer and admission. Also as iCalendar (/events.ics) and schema.org (/events.jsonld).',
    },
    keywords: { de: ['Veranstaltungen', 'Termine', 'Kultur'], en: ['events', 'dates', 'culture'] },
    formats: ['csv', 'json', 'geojson'],
    frequency: 'CONT',
    temporal: 'rolling-year',
    theme: 'EDUC',
  },
  {
    id: 'volunteer-needs',
    title: { de: 'Ehrenamtliche Einsätze', en: 'Volunteer needs' },
    description: {
      de: 'Wofür Vereine und Initiativen Helferinnen und Helfer suchen: Aufgabe, Zeit, Ort, gesuchte Fähigkeiten und wie viele noch gebraucht werden. Ohne personenbezogene Daten.',
      en: 'What clubs and initiatives are looking for volunteers for: task, time, place, skills wanted and how many are still needed. Without personal data.',
    },
    keywords: { de: ['Ehrenamt', 'Freiwillige', 'Helfen'], en: ['volunteering', 'volunteers', 'help'] },
    formats: ['csv', 'json', 'geojson'],
    frequency: 'CONT',
    temporal: 'since-start',
    theme: 'SOCI',
  },
  {
    id: 'poll-results',
    title: { de: 'Ergebnisse abgeschlossener Bürgerbefragungen', en: 'Results of closed citizen polls' },
    description: {
      de: 'Die Ergebnisse beendeter Abstimmungen und Befragungen je Antwort und Weg der Teilnahme (online, mit Teilnahmecode, Versammlung, Papier), soweit die Ergebnisse öffentlich sind.',
      en: 'The results of closed polls per option and channel of participation (online, with a participation code, meeting, paper), where the results are public.',
    },
    keywords: { de: ['Bürgerbeteiligung', 'Abstimmung', 'Befragung'], en: ['participation', 'poll', 'survey'] },
    formats: ['csv', 'json'],
    frequency: 'CONT',
    temporal: 'since-start',
    theme: 'GOVE',
  },
];

/** The dataset with this id (the contract's enum lets no other through). */
export function datasetById(id: DatasetId): Dataset {
  return DATASETS.find((dataset) => dataset.id === id)!;
}

/** The address of one download. */
export function downloadUrl(publicUrl: string, id: DatasetId, format: DownloadFormat): string {
  return `${publicUrl}/open-data/${id}.${format}`;
}
