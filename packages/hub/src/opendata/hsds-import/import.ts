import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import { isUuid } from '../../auth/resource-owners.js';
import * as clock from '../../clock.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { lockImports } from '../../events/queries.js';
import { checkedOffer } from '../../help/handlers.js';
import { completeInput, dataFromOffer, toHelpOffer, type OfferWrite } from '../../help/model.js';
import { regionMoment } from '../../help/opening-hours.js';
import { findOffer, insertOffers, updateOffer } from '../../help/queries.js';
import type { Schemas } from '../../http/api.js';
import { ProblemError } from '../../http/problems.js';
import { contractSchemaCheck } from '../../http/validation.js';
import { existingOrganization, knownMunicipalities } from '../../orgs/lookups.js';
import type { HsdsService } from './dataset.js';
import { fromHsds, type MappedService, type UnmappedTerm } from './from-hsds.js';
import { servicesFromDatapackage } from './parse-datapackage.js';
import { servicesFromJson } from './parse-json.js';
import { offerOwners } from './queries.js';

/**
 * Imports HSDS services as one organization's help offers. Idempotent by HSDS id: an id that is
 * one of the organization's offers updates it (or leaves it unchanged), an unknown id creates an
 * offer with that id, so a round trip keeps ids. Each service is checked exactly as a body sent to
 * `createHelpOffer` (the contract's `HelpOfferInput` schema, then the help domain's own checks).
 * All or nothing: one refused service and nothing is stored, and the 422 carries the report.
 */

export type HsdsImportReport = Schemas['HsdsImportReport'];

/** The services of a dataset sent as JSON (parsed) or as a datapackage zip (its bytes). */
export function servicesOf(body: unknown): HsdsService[] {
  return body instanceof Uint8Array ? servicesFromDatapackage(body) : servicesFromJson(body);
}

/** The report for people: the counts, then each service that was not simply stored, and the unmapped terms. */
export function reportText(report: HsdsImportReport): string {
  const counts = `${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.skipped} skipped, ${report.refused} refused`;
  const lines = [report.dryRun ? `Dry run, nothing stored: ${counts}.` : `Imported: ${counts}.`];
  for (const item of report.items.filter((entry) => entry.reason))
    lines.push(`  ${item.outcome} ${item.id} "${item.name}": ${item.reason}`);
  if (report.unmappedTerms.length > 0) lines.push('Terms without a help topic (add them to the mapping or to the services):');
  for (const term of report.unmappedTerms) {
    lines.push(`  ${term.taxonomy} ${term.code ? `${term.code} ` : ''}"${term.name}" (${term.services} services)`);
  }
  return lines.join('\n');
}

const checkSchema = contractSchemaCheck('HelpOfferInput');

/** A field error as the report says it: the field (a JSON pointer without its part) and the rule. */
const reasonOf = (pointer: string, reason: string) => `${pointer.replace(/^\/body/, '').slice(1) || 'service'} ${reason}`;

/** The reasons the service cannot be imported, or what it stores. */
async function check(db: Kysely<Database>, mapped: MappedService, organizationId: string): Promise<string[] | OfferWrite> {
  const reasons: string[] = [];
  if (!isUuid(mapped.id)) reasons.push('id is no UUID (the Hub keeps HSDS ids, which are UUIDs)');
  const noTopic = mapped.input.topics.length === 0;
  if (noTopic) reasons.push('none of its taxonomy terms maps to a help topic');
  const issues = checkSchema(mapped.input).filter((issue) => !(noTopic && issue.pointer === '/topics'));
  reasons.push(...issues.map((issue) => reasonOf(issue.pointer, issue.reason)));
  if (reasons.length > 0) return reasons;
  try {
    return await checkedOffer(db, completeInput(mapped.input), organizationId);
  } catch (error) {
    if (!(error instanceof ProblemError) || !error.problem.errors) throw error;
    return error.problem.errors.map((entry) => reasonOf(entry.pointer, entry.reason));
  }
}

/** Whether an offer of the organization would stay as it is: its stored fields checked as an update checks them. */
async function isUnchanged(db: Kysely<Database>, id: string, organizationId: string, write: OfferWrite): Promise<boolean> {
  const row = await findOffer(db, id, regionMoment(clock.now()));
  if (!row) return false;
  return isDeepStrictEqual(await checkedOffer(db, completeInput(dataFromOffer(toHelpOffer(row))), organizationId), write);
}

/** Counts each unmapped term once per service that carries it. */
class UnmappedTerms {
  private readonly counts = new Map<string, Schemas['HsdsUnmappedTerm']>();

  add(terms: UnmappedTerm[]): void {
    for (const key of new Set(terms.map((term) => JSON.stringify([term.taxonomy, term.code, term.name])))) {
      const [taxonomy, code, name] = JSON.parse(key) as [string, string, string];
      const entry = this.counts.get(key) ?? { taxonomy, code, name, services: 0 };
      entry.services += 1;
      this.counts.set(key, entry);
    }
  }

  list(): Schemas['HsdsUnmappedTerm'][] {
    return [...this.counts.values()].sort(
      (a, b) => b.services - a.services || a.taxonomy.localeCompare(b.taxonomy) || a.name.localeCompare(b.name),
    );
  }
}

export async function importHsds(
  db: Kysely<Database>,
  organizationId: string,
  services: HsdsService[],
  options: { dryRun: boolean },
): Promise<HsdsImportReport> {
  await existingOrganization(db, organizationId);
  const municipalities = await knownMunicipalities(db);
  const mapped = services.map((service) => fromHsds(service, municipalities));
  return inTransaction(db, async (trx) => {
    // Two imports into one organization at once would both create the same new ids.
    await lockImports(trx, organizationId);
    const owners = await offerOwners(trx, mapped.map((service) => service.id).filter(isUuid));
    const unmapped = new UnmappedTerms();
    const items: Schemas['HsdsImportItem'][] = [];
    const creates: { id: string; write: OfferWrite }[] = [];
    const updates: { id: string; write: OfferWrite }[] = [];
    const seen = new Set<string>();
    for (const service of mapped) {
      unmapped.add(service.unmappedTerms);
      const item = { id: service.id, name: service.name };
      if (service.skipped) {
        items.push({ ...item, outcome: 'skipped', reason: service.skipped });
        continue;
      }
      const checked = await check(trx, service, organizationId);
      const owner = owners.get(service.id);
      const reasons = Array.isArray(checked) ? checked : [];
      if (seen.has(service.id)) reasons.unshift('id is used by another service of the dataset');
      if (owner !== undefined && owner !== organizationId) reasons.unshift("id is another organization's help offer");
      seen.add(service.id);
      if (reasons.length > 0 || Array.isArray(checked)) {
        items.push({ ...item, outcome: 'refused', reason: reasons.join('; ') });
      } else if (owner === undefined) {
        creates.push({ id: service.id, write: checked });
        items.push({ ...item, outcome: 'created' });
      } else if (await isUnchanged(trx, service.id, organizationId, checked)) {
        items.push({ ...item, outcome: 'unchanged' });
      } else {
        updates.push({ id: service.id, write: checked });
        items.push({ ...item, outcome: 'updated' });
      }
    }
    const count = (outcome: Schemas['HsdsImportItem']['outcome']) => items.filter((entry) => entry.outcome === outcome).length;
    const report: HsdsImportReport = {
      dryRun: options.dryRun,
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      skipped: count('skipped'),
      refused: count('refused'),
      items,
      unmappedTerms: unmapped.list(),
    };
    if (report.refused > 0) {
      throw new ProblemError(
        'validation-failed',
        `${report.refused} of ${items.length} services cannot be imported, so nothing was stored; the report says why for each.`,
        { extensions: { report } },
      );
    }
    if (!options.dryRun) {
      await insertOffers(
        trx,
        creates.map((create) => ({ ...create, organizationId })),
      );
      for (const update of updates) await updateOffer(trx, update.id, update.write);
    }
    return report;
  });
}
