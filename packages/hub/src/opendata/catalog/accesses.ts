import { downloadUrl, type Dataset, type DownloadFormat } from '../datasets.js';

/** How each format is named in the EU file-type vocabulary and by IANA. */
export const FILE_TYPES = {
  csv: { fileType: 'CSV', mediaType: 'text/csv', label: 'CSV' },
  json: { fileType: 'JSON', mediaType: 'application/json', label: 'JSON' },
  geojson: { fileType: 'GEOJSON', mediaType: 'application/geo+json', label: 'GeoJSON' },
  ics: { fileType: 'ICS', mediaType: 'text/calendar', label: 'iCalendar' },
  jsonld: { fileType: 'JSON_LD', mediaType: 'application/ld+json', label: 'schema.org JSON-LD' },
} as const;

type FileType = keyof typeof FILE_TYPES;

/** One way to get a dataset: its address, format and whether it is a whole file or an API. */
export interface Access {
  key: string;
  url: string;
  type: FileType;
  title: { de: string; en: string };
  /** The format's name for people. */
  label: string;
  /** A paged API rather than one file: no download URL, a link to the data service instead. */
  api?: boolean;
}

/** What a dataset offers: its downloads, and the feeds and API that serve the same data. */
export function accessesOf(dataset: Dataset, publicUrl: string): Access[] {
  const downloads: Access[] = dataset.formats.map((format: DownloadFormat) => ({
    key: format,
    url: downloadUrl(publicUrl, dataset.id, format),
    type: format,
    label: FILE_TYPES[format].label,
    title: { de: `${dataset.title.de} (${FILE_TYPES[format].label})`, en: `${dataset.title.en} (${FILE_TYPES[format].label})` },
  }));
  if (dataset.id === 'events') {
    downloads.push(
      {
        key: 'ics',
        url: `${publicUrl}/events.ics`,
        type: 'ics',
        label: 'iCalendar',
        title: { de: 'Veranstaltungskalender (iCalendar)', en: 'Event calendar (iCalendar)' },
      },
      {
        key: 'jsonld',
        url: `${publicUrl}/events.jsonld`,
        type: 'jsonld',
        label: 'schema.org (JSON-LD)',
        title: { de: 'Veranstaltungen (schema.org)', en: 'Events (schema.org)' },
      },
    );
  }
  if (dataset.id === 'help-offers') {
    downloads.push({
      key: 'hsds',
      url: `${publicUrl}/hsds/services`,
      type: 'json',
      label: 'HSDS-API',
      title: { de: 'Hilfeangebote über die HSDS-3.0-API', en: 'Help services through the HSDS 3.0 API' },
      api: true,
    });
  }
  return downloads;
}
