import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Handlers } from '../../http/api.js';
import type { OpenDataOptions } from '../licence.js';
import { notBuilt } from '../not-built.js';

/** Every public dataset as a CSV, JSON or GeoJSON download (`/open-data/<dataset>.<format>`). */
export function downloadHandlers(
  _db: Kysely<Database>,
  _options: { openData: OpenDataOptions; publicUrl: string },
): Pick<Handlers, 'downloadDatasetCsv' | 'downloadDatasetJson' | 'downloadDatasetGeoJson'> {
  return { downloadDatasetCsv: notBuilt, downloadDatasetJson: notBuilt, downloadDatasetGeoJson: notBuilt };
}
