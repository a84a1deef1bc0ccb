import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Schemas } from '../../http/api.js';
import { knownMunicipalities } from '../../orgs/lookups.js';
import { newOrganizationRow } from '../../orgs/organizations.js';
import { checkNeed, completeInput, type NeedData } from '../model.js';
import { insertNeed } from '../queries.js';
import { seedShiftNeeds } from './seed-shifts.js';
import * as clock from '../../clock.js';

const DAY = 86_400_000;

/** Initiatives that live on volunteers (example data: invented, with `.example` addresses). */
const volunteerOrganizations: Schemas['OrganizationInput'][] = [
  {
    name: 'Heldenhelfer Landkreis Würzburg (Beispiel)',
    kind: 'initiative',
    description: 'Vermittelt spontane Nachbarschaftshilfe im ganzen Landkreis – vom Einkauf bis zum Fahrdienst.',
    municipalityId: 'wuerzburg',
    website: 'https://heldenhelfer-wuerzburg.example',
    email: 'mitmachen@heldenhelfer-wuerzburg.example',
    privacyPolicyUrl: 'https://heldenhelfer-wuerzburg.example/datenschutz',
    isExample: true,
  },
  {
    name: 'Repair-Café Kürnach (Beispiel)',
    kind: 'initiative',
    description: 'Einmal im Monat reparieren Ehrenamtliche gemeinsam mit Gästen Elektrogeräte, Fahrräder und Kleidung.',
    municipalityId: 'kuernach',
    website: 'https://repaircafe-kuernach.example',
    email: 'team@repaircafe-kuernach.example',
    privacyPolicyUrl: 'https://repaircafe-kuernach.example/datenschutz',
    isExample: true,
  },
  {
    name: 'Bürgerbus Zell am Main e.V. (Beispiel)',
    kind: 'club',
    description: 'Ehrenamtlicher Fahrdienst für ältere und mobilitätseingeschränkte Menschen in Zell und Umgebung.',
    municipalityId: 'zell-a-main',
    website: 'https://buergerbus-zell.example',
    email: 'fahrdienst@buergerbus-zell.example',
    privacyPolicyUrl: 'https://buergerbus-zell.example/datenschutz',
    isExample: true,
  },
  {
    name: 'Helferkreis Asyl Estenfeld (Beispiel)',
    kind: 'initiative',
    description: 'Deutschkurse, Begleitung zu Ämtern und Patenschaften für Geflüchtete in Estenfeld.',
    municipalityId: 'estenfeld',
    website: 'https://helferkreis-estenfeld.example',
    email: 'kontakt@helferkreis-estenfeld.example',
    privacyPolicyUrl: 'https://helferkreis-estenfeld.example/datenschutz',
    isExample: true,
  },
];

interface ExampleNeed {
  organization: string;
  /** Days from the seeding day at 10:00 UTC, and hours it lasts; absent: ongoing. */
  day?: number;
  hours?: number;
  need: Omit<
    NeedData,
    | 'startsAt'
    | 'endsAt'
    | 'remote'
    | 'urgent'
    | 'skills'
    | 'place'
    | 'timeCommitment'
    | 'contactRole'
    | 'published'
    | 'easyReadSummary'
    | 'approvalRequired'
    | 'reminderHours'
  > &
    Partial<Pick<NeedData, 'remote' | 'urgent' | 'skills' | 'place' | 'timeCommitment' | 'contactRole' | 'easyReadSummary' | 'approvalRequired'>>;
}

const N = '(Beispieldaten)';

const exampleNeeds: ExampleNeed[] = [
  { organization: 'Nachbarschaftshilfe Höchberg e.V.', need: { title: 'Einkaufshilfe für Seniorinnen und Senioren', description: `Einmal pro Woche für eine ältere Person im Ort einkaufen gehen. ${N}`, municipalityId: 'hoechberg', skills: ['Einkaufen', 'Zuverlässigkeit'], timeCommitment: '1–2 Stunden pro Woche', peopleNeeded: 5, contactRole: 'Koordination Nachbarschaftshilfe' } },
  { organization: 'Nachbarschaftshilfe Höchberg e.V.', day: 4, hours: 4, need: { title: 'Fahrerin oder Fahrer zum Arzttermin', description: `Eine Bewohnerin braucht eine Fahrt zur Augenklinik nach Würzburg und zurück. ${N}`, municipalityId: 'hoechberg', skills: ['Führerschein', 'Eigenes Auto'], timeCommitment: 'ca. 4 Stunden', peopleNeeded: 1, urgent: true, contactRole: 'Koordination Fahrdienste' } },
  { organization: 'TSV Ochsenfurt 1862 e.V.', day: 12, hours: 6, need: { title: 'Helferinnen und Helfer für den Kinderflohmarkt', description: `Aufbau der Stände, Kuchenverkauf und Abbau in der Turnhalle. ${N}`, easyReadSummary: 'Wir machen einen Floh·markt für Kinder. Wir brauchen Ihre Hilfe. Sie stellen Tische auf. Oder Sie verkaufen Kuchen.', municipalityId: 'ochsenfurt', place: { name: 'Turnhalle am Main', address: 'Mainufer 4, 97199 Ochsenfurt' }, skills: ['Aufbau', 'Verkauf', 'Backen'], timeCommitment: '3 Stunden (Schichten)', peopleNeeded: 8, contactRole: 'Jugendleitung' } },
  { organization: 'TSV Ochsenfurt 1862 e.V.', need: { title: 'Übungsleitung Kinderturnen (Co-Trainer/in)', description: `Unterstützung im Kinderturnen für 4- bis 6-Jährige, dienstags 16–17 Uhr. Übungsleiterschein nicht nötig, wir bilden aus. ${N}`, municipalityId: 'ochsenfurt', place: { name: 'Turnhalle am Main', address: 'Mainufer 4, 97199 Ochsenfurt' }, skills: ['Sport', 'Arbeit mit Kindern'], timeCommitment: '1,5 Stunden pro Woche', peopleNeeded: 2, contactRole: 'Abteilungsleitung Turnen' } },
  { organization: 'Bürgerinitiative Dorfladen Eisingen', need: { title: 'Ladendienst im Dorfladen', description: `Kasse und Regale im ehrenamtlich betriebenen Dorfladen, Schichten von 3 Stunden. ${N}`, municipalityId: 'eisingen', place: { name: 'Dorfladen Eisingen', address: 'Hauptstraße 12, 97249 Eisingen' }, skills: ['Kasse', 'Verkauf'], timeCommitment: '3 Stunden pro Woche', peopleNeeded: 6, contactRole: 'Schichtplanung' } },
  { organization: 'Bürgerinitiative Dorfladen Eisingen', day: 9, hours: 5, need: { title: 'Kuchen backen fürs Dorfladen-Café', description: `Für das Herbstfest im Dorfladen suchen wir Kuchen und Helfende beim Ausschank. ${N}`, municipalityId: 'eisingen', place: { name: 'Dorfladen Eisingen', address: 'Hauptstraße 12, 97249 Eisingen' }, skills: ['Backen', 'Ausschank'], peopleNeeded: 10, contactRole: 'Café-Team' } },
  { organization: 'Katholische Pfarreiengemeinschaft Am Maintor', need: { title: 'Besuchsdienst im Seniorenheim', description: `Regelmäßige Besuche bei Bewohnerinnen und Bewohnern, die selten Besuch bekommen: vorlesen, spazieren gehen, zuhören. ${N}`, municipalityId: 'randersacker', skills: ['Zuhören', 'Geduld'], timeCommitment: '2 Stunden alle zwei Wochen', peopleNeeded: 4, contactRole: 'Pfarrbüro' } },
  { organization: 'Katholische Pfarreiengemeinschaft Am Maintor', day: 20, hours: 5, need: { title: 'Aufbau und Ausschank beim Pfarrfest', description: `Zelte aufbauen, Getränke ausschenken, Spülmobil betreuen. ${N}`, municipalityId: 'randersacker', place: { name: 'Pfarrgarten St. Stephan', address: 'Kirchplatz 1, 97236 Randersacker' }, skills: ['Aufbau', 'Ausschank'], timeCommitment: '2–5 Stunden', peopleNeeded: 12, contactRole: 'Festausschuss' } },
  { organization: 'Jugendzentrum Kitzingen-Würzburg Land', need: { title: 'Hausaufgabenhilfe am Nachmittag', description: `Schülerinnen und Schüler der 5.–8. Klasse bei Mathe und Englisch unterstützen. ${N}`, municipalityId: 'gerbrunn', skills: ['Mathematik', 'Englisch', 'Arbeit mit Jugendlichen'], timeCommitment: '2 Stunden pro Woche', peopleNeeded: 3, contactRole: 'Leitung Jugendzentrum' } },
  { organization: 'Jugendzentrum Kitzingen-Würzburg Land', day: 30, hours: 8, need: { title: 'Betreuung beim Jugend-Zeltlager (Tagesschicht)', description: `Programmpunkte begleiten, Essen ausgeben, Ansprechperson sein. Erweitertes Führungszeugnis nötig. ${N}`, municipalityId: 'gerbrunn', skills: ['Arbeit mit Jugendlichen', 'Erste Hilfe'], timeCommitment: 'ein Tag', peopleNeeded: 4, contactRole: 'Freizeitleitung' } },
  { organization: 'Beratungsstelle Lebenswege Würzburg', need: { title: 'Telefonpatenschaft gegen Einsamkeit', description: `Einmal pro Woche mit einer älteren, alleinlebenden Person telefonieren. Von zu Hause aus, mit Einführung und Begleitung. ${N}`, municipalityId: null, remote: true, skills: ['Zuhören', 'Telefon'], timeCommitment: '30–60 Minuten pro Woche', peopleNeeded: 10, contactRole: 'Ehrenamtskoordination' } },
  { organization: 'Beratungsstelle Lebenswege Würzburg', day: 6, hours: 3, need: { title: 'Flyer falten und verpacken', description: `Für unsere Aktionswoche zur seelischen Gesundheit brauchen wir Hände beim Verpacken. ${N}`, municipalityId: 'wuerzburg', place: { name: 'Beratungsstelle Lebenswege', address: 'Domstraße 10, 97070 Würzburg' }, skills: ['Büroarbeit'], timeCommitment: '3 Stunden', peopleNeeded: 5, contactRole: 'Öffentlichkeitsarbeit' } },
  { organization: 'Freiwillige Feuerwehr Veitshöchheim', day: 16, hours: 6, need: { title: 'Helfende für den Tag der offenen Tür', description: `Parkplatzeinweisung, Kinderprogramm und Verpflegung beim Tag der offenen Tür. ${N}`, municipalityId: 'veitshoechheim', place: { name: 'Feuerwehrhaus Veitshöchheim', address: 'Thüngersheimer Straße 2, 97209 Veitshöchheim' }, skills: ['Verpflegung', 'Arbeit mit Kindern'], peopleNeeded: 8, contactRole: 'Kommandant' } },
  { organization: 'Heldenhelfer Landkreis Würzburg (Beispiel)', day: 1, hours: 3, need: { title: 'Dringend: Begleitung zum Einkauf in Rimpar', description: `Ein Senior nach einer Operation braucht diese Woche Begleitung beim Einkaufen. ${N}`, municipalityId: 'rimpar', skills: ['Einkaufen'], timeCommitment: '2 Stunden', peopleNeeded: 1, urgent: true, contactRole: 'Vermittlung' } },
  { organization: 'Heldenhelfer Landkreis Würzburg (Beispiel)', day: 2, hours: 4, need: { title: 'Schneeschippen für ältere Nachbarn in Kist', description: `Bei Schneefall morgens Gehwege für drei Haushalte räumen. ${N}`, municipalityId: 'kist', skills: ['Körperliche Arbeit'], timeCommitment: 'bei Schnee 1 Stunde', peopleNeeded: 3, urgent: true, contactRole: 'Vermittlung' } },
  { organization: 'Heldenhelfer Landkreis Würzburg (Beispiel)', need: { title: 'Digitalhilfe: Smartphone-Sprechstunde', description: `Älteren Menschen das Smartphone erklären – Videotelefonie, Fahrplan-App, Fotos. ${N}`, municipalityId: 'veitshoechheim', place: { name: 'Bücherei Veitshöchheim', address: 'Kirchstraße 3, 97209 Veitshöchheim' }, skills: ['Smartphone', 'Geduld'], timeCommitment: '2 Stunden im Monat', peopleNeeded: 3, contactRole: 'Vermittlung' } },
  { organization: 'Heldenhelfer Landkreis Würzburg (Beispiel)', need: { title: 'Website-Pflege für die Heldenhelfer', description: `Texte und Termine auf unserer Website aktuell halten, ganz von zu Hause aus. ${N}`, municipalityId: null, remote: true, skills: ['Website', 'Texte schreiben'], timeCommitment: '2 Stunden pro Monat', peopleNeeded: 1, contactRole: 'Vorstand' } },
  { organization: 'Repair-Café Kürnach (Beispiel)', day: 14, hours: 4, need: { title: 'Reparateurinnen und Reparateure fürs Repair-Café', description: `Elektrogeräte, Fahrräder oder Textilien gemeinsam mit Gästen reparieren. ${N}`, municipalityId: 'kuernach', place: { name: 'Pfarrsaal Kürnach', address: 'Kirchplatz 2, 97273 Kürnach' }, skills: ['Elektrik', 'Fahrradreparatur', 'Nähen'], timeCommitment: '4 Stunden im Monat', peopleNeeded: 6, contactRole: 'Orga-Team' } },
  { organization: 'Repair-Café Kürnach (Beispiel)', day: 14, hours: 4, need: { title: 'Empfang und Kaffee im Repair-Café', description: `Gäste begrüßen, Wartenummern vergeben, Kaffee kochen. ${N}`, municipalityId: 'kuernach', place: { name: 'Pfarrsaal Kürnach', address: 'Kirchplatz 2, 97273 Kürnach' }, skills: ['Gastfreundschaft'], peopleNeeded: 2, contactRole: 'Orga-Team' } },
  { organization: 'Bürgerbus Zell am Main e.V. (Beispiel)', need: { title: 'Fahrerinnen und Fahrer für den Bürgerbus', description: `Den Kleinbus an einem Vormittag pro Woche fahren (Führerschein Klasse B genügt). ${N}`, municipalityId: 'zell-a-main', skills: ['Führerschein'], timeCommitment: '4 Stunden pro Woche', peopleNeeded: 4, urgent: true, contactRole: 'Fahrdienstleitung' } },
  { organization: 'Bürgerbus Zell am Main e.V. (Beispiel)', need: { title: 'Telefondienst für Fahrtwünsche', description: `Fahrtwünsche am Telefon annehmen und in den Plan eintragen – auch von zu Hause. ${N}`, municipalityId: 'zell-a-main', remote: true, skills: ['Telefon', 'Organisation'], timeCommitment: '2 Stunden pro Woche', peopleNeeded: 2, contactRole: 'Fahrdienstleitung' } },
  { organization: 'Helferkreis Asyl Estenfeld (Beispiel)', need: { title: 'Sprachpatenschaft Deutsch', description: `Mit einer geflüchteten Familie regelmäßig Deutsch sprechen und den Alltag üben. ${N}`, municipalityId: 'estenfeld', skills: ['Deutsch unterrichten', 'Geduld'], timeCommitment: '1–2 Stunden pro Woche', peopleNeeded: 5, contactRole: 'Koordination Patenschaften' } },
  { organization: 'Helferkreis Asyl Estenfeld (Beispiel)', day: 7, hours: 3, need: { title: 'Begleitung zur Ausländerbehörde', description: `Eine Familie zu einem Termin in Würzburg begleiten und beim Ausfüllen helfen. ${N}`, municipalityId: 'wuerzburg', skills: ['Behördengänge', 'Arabisch'], timeCommitment: '3 Stunden', peopleNeeded: 1, urgent: true, contactRole: 'Koordination Patenschaften' } },
  { organization: 'Seniorenbeirat Giebelstadt', day: 22, hours: 3, need: { title: 'Kuchen und Fahrdienst für den Seniorennachmittag', description: `Kuchen backen oder Gäste abholen und heimbringen. ${N}`, municipalityId: 'giebelstadt', place: { name: 'Pfarrheim Giebelstadt', address: 'Marktplatz 5, 97232 Giebelstadt' }, skills: ['Backen', 'Führerschein'], peopleNeeded: 6, contactRole: 'Vorsitz Seniorenbeirat' } },
  { organization: 'TSV Ochsenfurt 1862 e.V.', day: -20, hours: 5, need: { title: 'Streckenposten beim Mainlauf', description: `Streckenposten und Getränkestationen beim Mainlauf (bereits vorbei). ${N}`, municipalityId: 'ochsenfurt', skills: ['Sport'], peopleNeeded: 15, contactRole: 'Laufabteilung' } },
];

/**
 * Adds the example needs, once: when any need exists, nothing happens. Each goes through the same
 * checks as a need sent to the API. One lies in the past (expired), to show that state; two have shifts.
 */
export async function seedVolunteering(db: Kysely<Database>, today = clock.now()): Promise<number> {
  if (await db.selectFrom('volunteer_needs').select('id').limit(1).executeTakeFirst()) return 0;
  const existing = new Set((await db.selectFrom('organizations').select('name').execute()).map((row) => row.name));
  const missing = volunteerOrganizations.filter((organization) => !existing.has(organization.name));
  if (missing.length > 0) await db.insertInto('organizations').values(missing.map(newOrganizationRow)).execute();
  const organizations = new Map((await db.selectFrom('organizations').select(['id', 'name']).execute()).map((row) => [row.name, row.id]));
  const known = await knownMunicipalities(db);
  const morning = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 8);
  let added = 0;
  for (const example of exampleNeeds) {
    const organizationId = organizations.get(example.organization);
    // An installation may have removed an example organization; its needs are left out.
    if (!organizationId) continue;
    const starts = example.day === undefined ? null : new Date(morning + example.day * DAY);
    const data = completeInput({
      ...example.need,
      startsAt: starts?.toISOString() ?? null,
      endsAt: starts ? new Date(starts.getTime() + (example.hours ?? 2) * 3_600_000).toISOString() : null,
    });
    const errors = checkNeed(data, known);
    if (errors.length > 0) throw new Error(`Example need "${data.title}" is not valid: ${JSON.stringify(errors)}`);
    await insertNeed(db, organizationId, data);
    added += 1;
  }
  return added + (await seedShiftNeeds(db, organizations, known, today));
}
