import type { Schemas } from '../../http/api.js';

/**
 * Demo events ("Beispieldaten") of the example organizations: invented, but the kind of thing
 * that happens in the region. Dates are relative to the day the demo data is added, so the
 * calendar always has something coming up.
 */
export interface ExampleEvent {
  /** Name of the example organization that publishes it. */
  organization: string;
  title: string;
  description: string;
  /** Days after the seed day; the event starts on the first matching day from then (see `on`, `rule`). */
  day: number;
  /** Weekday to move a single event to (`SA`), for markets and festivals. */
  on?: string;
  /** Local start and end time; an end before the start is on the next day. Absent: all-day. */
  at?: [string, string];
  /** Length in days (multi-day events), default 1. */
  days?: number;
  /** RRULE value; the first occurrence is the first day from `day` that matches it. */
  rule?: string;
  /** 0-based occurrence of the series that is cancelled ("fällt aus"). */
  cancelledOccurrence?: number;
  status?: Schemas['EventStatus'];
  place: { name: string; address: string; municipalityId: string };
  categories: Schemas['EventCategoryId'][];
  isFree?: boolean;
  price?: string;
  accessibility?: string;
}

const lebenswege = 'Beratungsstelle Lebenswege Würzburg';
const nachbarschaftshilfe = 'Nachbarschaftshilfe Höchberg e.V.';
const tsv = 'TSV Ochsenfurt 1862 e.V.';
const feuerwehr = 'Freiwillige Feuerwehr Veitshöchheim';
const selbsthilfe = 'Selbsthilfegruppe Angst und Panik Würzburg';
const dorfladen = 'Bürgerinitiative Dorfladen Eisingen';
const pfarrei = 'Katholische Pfarreiengemeinschaft Am Maintor';
const jugendzentrum = 'Jugendzentrum Kitzingen-Würzburg Land';
const seniorenbeirat = 'Seniorenbeirat Giebelstadt';
const tafel = 'Tafel Marktbreit-Ochsenfurt (Beispiel)';

const stepFree = 'Stufenloser Zugang, barrierefreies WC vorhanden.';

export const exampleEvents: ExampleEvent[] = [
  // Recurring
  {
    organization: pfarrei, title: 'Chorprobe des Kirchenchors St. Stephan', day: -21, at: ['19:30', '21:00'],
    rule: 'FREQ=WEEKLY;BYDAY=TU', cancelledOccurrence: 4,
    description: 'Wöchentliche Probe für Gottesdienste und das Adventskonzert. Neue Stimmen, besonders Tenor und Bass, sind herzlich willkommen – Notenkenntnisse sind keine Voraussetzung.',
    place: { name: 'Pfarrheim St. Stephan', address: 'Kirchgasse 3, 97236 Randersacker', municipalityId: 'randersacker' },
    categories: ['culture', 'church'], isFree: true, accessibility: 'Probenraum im Erdgeschoss, stufenlos erreichbar.',
  },
  {
    organization: nachbarschaftshilfe, title: 'Repair-Café Höchberg', day: -10, at: ['14:00', '17:00'],
    rule: 'FREQ=MONTHLY;BYDAY=1SA',
    description: 'Defekte Toaster, wackelige Stühle, Löcher in der Jeans: Ehrenamtliche Tüftlerinnen und Tüftler reparieren gemeinsam mit Ihnen. Kaffee und Kuchen gegen Spende.',
    place: { name: 'Bürgerhaus Höchberg', address: 'Hauptstraße 58, 97204 Höchberg', municipalityId: 'hoechberg' },
    categories: ['environment', 'volunteering'], isFree: true, accessibility: stepFree,
  },
  {
    organization: seniorenbeirat, title: 'Seniorennachmittag mit Kaffee und Kuchen', day: -14, at: ['14:30', '17:00'],
    rule: 'FREQ=MONTHLY;BYDAY=2WE',
    description: 'Geselliges Beisammensein mit Kaffee, selbstgebackenem Kuchen und einem kleinen Programm. Ein Fahrdienst kann beim Seniorenbeirat angefragt werden.',
    place: { name: 'Pfarrsaal Giebelstadt', address: 'Marktplatz 4, 97232 Giebelstadt', municipalityId: 'giebelstadt' },
    categories: ['seniors'], price: 'Kaffee und Kuchen 3 €', isFree: false, accessibility: stepFree,
  },
  {
    organization: selbsthilfe, title: 'Gruppentreffen Angst und Panik', day: -7, at: ['18:30', '20:00'],
    rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH',
    description: 'Offenes Treffen für Menschen mit Angst- und Panikstörungen. Vertraulich, ohne Anmeldung, Neue sind jederzeit willkommen. Kein Ersatz für eine Therapie.',
    place: { name: 'Selbsthilfehaus Würzburg', address: 'Scanzonistraße 4, 97080 Würzburg', municipalityId: 'wuerzburg' },
    categories: ['health'], isFree: true, accessibility: 'Aufzug vorhanden.',
  },
  {
    organization: tsv, title: 'Kinderturnen (4–6 Jahre)', day: -7, at: ['15:30', '16:30'],
    rule: 'FREQ=WEEKLY;BYDAY=MO',
    description: 'Laufen, springen, klettern: Bewegungsspiele für Kinder im Kindergartenalter. Bitte Turnschuhe und etwas zu trinken mitbringen.',
    place: { name: 'Dreifachturnhalle Ochsenfurt', address: 'Schulstraße 10, 97199 Ochsenfurt', municipalityId: 'ochsenfurt' },
    categories: ['sports', 'family'], isFree: false, price: 'Für Vereinsmitglieder frei, Schnupperstunde kostenlos',
  },
  {
    organization: tsv, title: 'Lauftreff für alle', day: -3, at: ['18:00', '19:00'],
    rule: 'FREQ=WEEKLY;BYDAY=WE',
    description: 'Gemeinsam laufen in zwei Tempogruppen am Mainufer. Für Einsteigerinnen und Einsteiger geeignet.',
    place: { name: 'Treffpunkt Mainbrücke', address: 'Mainbrücke, 97199 Ochsenfurt', municipalityId: 'ochsenfurt' },
    categories: ['sports', 'health'], isFree: true,
  },
  {
    organization: dorfladen, title: 'Dorfladen-Café: Offener Treff', day: -5, at: ['09:00', '11:30'],
    rule: 'FREQ=WEEKLY;BYDAY=FR',
    description: 'Frühstück, Zeitung und Gespräche im Dorfladen-Café. Wer mag, hilft beim Ausschank mit.',
    place: { name: 'Dorfladen Eisingen', address: 'Kirchplatz 2, 97249 Eisingen', municipalityId: 'eisingen' },
    categories: ['seniors', 'volunteering'], isFree: true, accessibility: stepFree,
  },
  {
    organization: tafel, title: 'Lebensmittelausgabe der Tafel', day: -4, at: ['15:00', '17:00'],
    rule: 'FREQ=WEEKLY;BYDAY=TU,FR',
    description: 'Ausgabe von Lebensmitteln an Menschen mit geringem Einkommen. Bitte Berechtigungsnachweis und eine Tasche mitbringen.',
    place: { name: 'Tafelladen Ochsenfurt', address: 'Uffenheimer Straße 12, 97199 Ochsenfurt', municipalityId: 'ochsenfurt' },
    categories: ['volunteering'], price: 'Symbolischer Beitrag 2 €', isFree: false,
  },
  {
    organization: jugendzentrum, title: 'Offener Jugendtreff', day: -6, at: ['16:00', '20:00'],
    rule: 'FREQ=WEEKLY;BYDAY=TH',
    description: 'Kicker, Billard, Musik und Zeit zum Reden. Für Jugendliche von 12 bis 21 Jahren, das Team ist immer ansprechbar.',
    place: { name: 'Jugendzentrum Gerbrunn', address: 'Rottendorfer Straße 20, 97218 Gerbrunn', municipalityId: 'gerbrunn' },
    categories: ['youth'], isFree: true,
  },
  {
    organization: feuerwehr, title: 'Übungsabend der Jugendfeuerwehr', day: -12, at: ['18:00', '20:00'],
    rule: 'FREQ=MONTHLY;BYDAY=1MO,3MO',
    description: 'Knoten, Schläuche, Erste Hilfe: Jugendliche ab 12 Jahren üben gemeinsam. Interessierte können jederzeit zum Schnuppern vorbeikommen.',
    place: { name: 'Feuerwehrhaus Veitshöchheim', address: 'Günterslebener Straße 5, 97209 Veitshöchheim', municipalityId: 'veitshoechheim' },
    categories: ['youth', 'volunteering'], isFree: true,
  },
  {
    organization: lebenswege, title: 'Offene Sprechstunde für Angehörige', day: -2, at: ['16:00', '18:00'],
    rule: 'FREQ=MONTHLY;BYDAY=-1WE',
    description: 'Angehörige psychisch erkrankter Menschen können ohne Termin mit einer Beraterin sprechen. Kostenfrei und vertraulich.',
    place: { name: 'Beratungsstelle Lebenswege', address: 'Domerschulstraße 15, 97070 Würzburg', municipalityId: 'wuerzburg' },
    categories: ['health'], isFree: true, accessibility: 'Aufzug vorhanden, Beratung auch in Gebärdensprache nach Absprache.',
  },
  {
    organization: pfarrei, title: 'Seniorengymnastik im Pfarrheim', day: -8, at: ['10:00', '11:00'],
    rule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=20',
    description: 'Sanfte Gymnastik im Sitzen und Stehen, angeleitet von einer Übungsleiterin. Bitte bequeme Kleidung mitbringen.',
    place: { name: 'Pfarrheim Eibelstadt', address: 'Hauptstraße 20, 97246 Eibelstadt', municipalityId: 'eibelstadt' },
    categories: ['seniors', 'sports'], price: '2 € pro Termin', isFree: false, accessibility: stepFree,
  },
  // Multi-day
  {
    organization: pfarrei, title: 'Weinfest am Main', day: 20, on: 'FR', at: ['17:00', '23:00'], days: 3,
    description: 'Drei Tage Frankenwein, Musik und fränkische Brotzeit direkt am Mainufer. Der Erlös geht an die Renovierung des Pfarrheims.',
    place: { name: 'Mainlände Sommerhausen', address: 'Mainstraße, 97286 Sommerhausen', municipalityId: 'sommerhausen' },
    categories: ['market', 'culture'], isFree: true, accessibility: 'Festgelände eben, barrierefreies WC am Parkplatz.',
  },
  {
    organization: jugendzentrum, title: 'Ferienprogramm: Zeltlager am Waldrand', day: 45, on: 'MO', days: 5,
    description: 'Fünf Tage Zeltlager mit Lagerfeuer, Geländespiel und Nachtwanderung für Kinder von 9 bis 13 Jahren. Anmeldung im Jugendzentrum.',
    place: { name: 'Zeltplatz am Guttenberger Wald', address: 'Waldweg, 97234 Reichenberg', municipalityId: 'reichenberg' },
    categories: ['youth', 'family', 'environment'], price: '95 €, Geschwister 80 €, Zuschuss auf Anfrage', isFree: false,
  },
  {
    organization: tsv, title: 'Jugend-Fußballturnier um den Mainpokal', day: 33, on: 'SA', days: 2,
    description: 'Zwei Tage Fußball für E- und D-Jugend aus dem ganzen Landkreis. Für Verpflegung sorgt der Förderverein.',
    place: { name: 'Sportgelände am Main', address: 'Am Sportplatz 1, 97199 Ochsenfurt', municipalityId: 'ochsenfurt' },
    categories: ['sports', 'youth'], isFree: true,
  },
  {
    organization: feuerwehr, title: 'Feuerwehrfest mit Tag der offenen Tür', day: 55, on: 'SA', at: ['11:00', '01:00'], days: 2,
    description: 'Fahrzeugschau, Löschvorführung, Kinderspritze und abends Live-Musik im Feuerwehrhaus. Am Sonntag Frühschoppen.',
    place: { name: 'Feuerwehrhaus Veitshöchheim', address: 'Günterslebener Straße 5, 97209 Veitshöchheim', municipalityId: 'veitshoechheim' },
    categories: ['family', 'market'], isFree: true, accessibility: stepFree,
  },
  {
    organization: dorfladen, title: 'Kirchweih in Eisingen', day: 70, on: 'SA', days: 3,
    description: 'Traditionelle Kirchweih mit Festzelt, Kirchweihbaum und Karussell für die Kleinen. Der Dorfladen bietet Küchle und Kaffee an.',
    place: { name: 'Festplatz Eisingen', address: 'Am Festplatz, 97249 Eisingen', municipalityId: 'eisingen' },
    categories: ['market', 'family'], isFree: true,
  },
  // All-day
  {
    organization: nachbarschaftshilfe, title: 'Aktionstag Nachbarschaft', day: 27, on: 'SA',
    description: 'Im ganzen Ort öffnen Vereine und Initiativen ihre Türen und zeigen, wo man mithelfen kann.',
    place: { name: 'Ortsmitte Höchberg', address: 'Hauptstraße, 97204 Höchberg', municipalityId: 'hoechberg' },
    categories: ['volunteering', 'citizens-participation'], isFree: true,
  },
  {
    organization: lebenswege, title: 'Woche der seelischen Gesundheit: Infostand', day: 38, days: 2,
    description: 'Am Infostand informieren Fachleute über Hilfsangebote bei seelischen Krisen in Stadt und Landkreis.',
    place: { name: 'Marktplatz Würzburg', address: 'Marktplatz, 97070 Würzburg', municipalityId: 'wuerzburg' },
    categories: ['health', 'education'], isFree: true,
  },
  {
    organization: seniorenbeirat, title: 'Tagesfahrt nach Bamberg', day: 48, on: 'WE',
    description: 'Busfahrt nach Bamberg mit Stadtführung und Mittagessen. Abfahrt 8 Uhr am Rathaus, Rückkehr gegen 18 Uhr. Anmeldung beim Seniorenbeirat.',
    place: { name: 'Rathaus Giebelstadt', address: 'Marktplatz 1, 97232 Giebelstadt', municipalityId: 'giebelstadt' },
    categories: ['seniors', 'culture'], price: '35 € inkl. Führung', isFree: false,
  },
  {
    organization: tsv, title: 'Vereinsausflug in den Steigerwald', day: 88, on: 'SU',
    description: 'Wanderung mit Einkehr für Mitglieder und Gäste. Treffpunkt wird bei der Anmeldung bekannt gegeben.',
    place: { name: 'Vereinsheim TSV Ochsenfurt', address: 'Am Sportplatz 1, 97199 Ochsenfurt', municipalityId: 'ochsenfurt' },
    categories: ['sports', 'environment'], price: 'Busfahrt 12 €', isFree: false,
  },
  {
    organization: pfarrei, title: 'Pfarrfest Randersacker', day: 62, on: 'SU',
    description: 'Festgottesdienst im Freien, danach Mittagessen, Kinderprogramm und Kaffee im Pfarrgarten.',
    place: { name: 'Pfarrgarten St. Stephan', address: 'Kirchgasse 3, 97236 Randersacker', municipalityId: 'randersacker' },
    categories: ['church', 'family'], isFree: true, accessibility: stepFree,
  },
  // Single events
  {
    organization: seniorenbeirat, title: 'Bürgerversammlung: Älter werden in Giebelstadt', day: 12, on: 'TH', at: ['19:00', '21:00'],
    description: 'Der Seniorenbeirat stellt Ergebnisse der Befragung vor und sammelt Ideen zu Wohnen, Mobilität und Treffpunkten. Bürgermeister und Gemeinderat sind anwesend.',
    place: { name: 'Bürgersaal im Rathaus', address: 'Marktplatz 1, 97232 Giebelstadt', municipalityId: 'giebelstadt' },
    categories: ['citizens-participation', 'seniors'], isFree: true, accessibility: 'Aufzug, Induktionsschleife im Saal.',
  },
  {
    organization: dorfladen, title: 'Bürgerwerkstatt Ortsmitte', day: 17, on: 'TU', at: ['19:00', '21:30'],
    description: 'Wie soll der Platz vor dem Dorfladen künftig aussehen? In Kleingruppen entwickeln wir Vorschläge für den Gemeinderat.',
    place: { name: 'Dorfladen Eisingen', address: 'Kirchplatz 2, 97249 Eisingen', municipalityId: 'eisingen' },
    categories: ['citizens-participation'], isFree: true, accessibility: stepFree,
  },
  {
    organization: feuerwehr, title: 'Blutspende im Feuerwehrhaus', day: 9, on: 'FR', at: ['16:00', '20:00'],
    description: 'Blutspendetermin in Zusammenarbeit mit dem Blutspendedienst. Bitte Personalausweis mitbringen; Erstspenderinnen und Erstspender sind willkommen.',
    place: { name: 'Feuerwehrhaus Veitshöchheim', address: 'Günterslebener Straße 5, 97209 Veitshöchheim', municipalityId: 'veitshoechheim' },
    categories: ['health', 'volunteering'], isFree: true, accessibility: stepFree,
  },
  {
    organization: tsv, title: 'Blutspende in der Dreifachturnhalle', day: 41, on: 'MO', at: ['15:30', '19:30'],
    description: 'Blutspenden rettet Leben. Nach der Spende gibt es einen Imbiss vom Förderverein.',
    place: { name: 'Dreifachturnhalle Ochsenfurt', address: 'Schulstraße 10, 97199 Ochsenfurt', municipalityId: 'ochsenfurt' },
    categories: ['health'], isFree: true,
  },
  {
    organization: jugendzentrum, title: 'Kinderflohmarkt', day: 14, on: 'SA', at: ['10:00', '13:00'],
    description: 'Kinder verkaufen Spielzeug, Bücher und Kleidung. Standanmeldung im Jugendzentrum, Tische bitte selbst mitbringen.',
    place: { name: 'Schulhof der Grundschule', address: 'Schulstraße 2, 97218 Gerbrunn', municipalityId: 'gerbrunn' },
    categories: ['family', 'market'], isFree: true,
  },
  {
    organization: nachbarschaftshilfe, title: 'Kinderkleider- und Spielzeugbasar', day: 23, on: 'SA', at: ['09:30', '12:00'],
    description: 'Gut erhaltene Kinderkleidung, Spielzeug und Kinderwagen. 15 Prozent des Erlöses gehen an die Nachbarschaftshilfe.',
    place: { name: 'Bürgerhaus Höchberg', address: 'Hauptstraße 58, 97204 Höchberg', municipalityId: 'hoechberg' },
    categories: ['family', 'market'], isFree: true, accessibility: stepFree,
  },
  {
    organization: lebenswege, title: 'Vortrag: Wenn die Seele streikt – Burn-out erkennen', day: 16, on: 'WE', at: ['19:00', '20:30'],
    description: 'Eine Psychotherapeutin erklärt Warnzeichen und Wege aus der Erschöpfung. Mit anschließender Fragerunde.',
    place: { name: 'Mehrgenerationenhaus Zell', address: 'Hauptstraße 12, 97299 Zell a. Main', municipalityId: 'zell-a-main' },
    categories: ['health', 'education'], isFree: true, accessibility: stepFree,
  },
  {
    organization: lebenswege, title: 'Erste Hilfe für die Seele: Kurs für Laien', day: 30, on: 'SA', at: ['09:00', '16:00'],
    description: 'Wie spreche ich jemanden an, dem es schlecht geht? Eintägiger Kurs nach dem Konzept der psychischen Ersten Hilfe. Anmeldung erforderlich.',
    place: { name: 'Volkshochschule Würzburg', address: 'Münzstraße 1, 97070 Würzburg', municipalityId: 'wuerzburg' },
    categories: ['health', 'education'], price: '25 €, ermäßigt 10 €', isFree: false, accessibility: 'Aufzug vorhanden.',
  },
  {
    organization: selbsthilfe, title: 'Infoabend: Selbsthilfe bei Angststörungen', day: 25, on: 'MO', at: ['19:00', '20:30'],
    description: 'Mitglieder der Gruppe berichten, wie Selbsthilfe funktioniert, und beantworten Fragen. Auch für Angehörige.',
    place: { name: 'Rathaus Rimpar, Sitzungssaal', address: 'Schlossberg 1, 97222 Rimpar', municipalityId: 'rimpar' },
    categories: ['health'], isFree: true, accessibility: 'Aufzug vorhanden.',
  },
  {
    organization: pfarrei, title: 'Adventskonzert des Kirchenchors', day: 40, on: 'SU', at: ['17:00', '18:30'],
    description: 'Chor und Instrumentalensemble mit adventlicher Musik von Bach bis Rutter. Eintritt frei, Spenden erbeten.',
    place: { name: 'Pfarrkirche St. Stephan', address: 'Kirchgasse 1, 97236 Randersacker', municipalityId: 'randersacker' },
    categories: ['culture', 'church'], isFree: true, accessibility: 'Seiteneingang stufenlos.',
  },
  {
    organization: pfarrei, title: 'Ökumenischer Gottesdienst am Mainufer', day: 52, on: 'SU', at: ['10:30', '11:30'],
    description: 'Gottesdienst unter freiem Himmel mit dem Posaunenchor. Bei Regen in der Pfarrkirche.',
    place: { name: 'Mainufer Eibelstadt', address: 'Mainstraße, 97246 Eibelstadt', municipalityId: 'eibelstadt' },
    categories: ['church'], isFree: true,
  },
  {
    organization: jugendzentrum, title: 'Bandcontest „Landkreis rockt“', day: 36, on: 'FR', at: ['19:00', '00:30'],
    description: 'Sechs Nachwuchsbands aus dem Landkreis spielen um einen Auftritt beim Sommerfestival. Das Publikum stimmt mit ab.',
    place: { name: 'Jugendzentrum Gerbrunn', address: 'Rottendorfer Straße 20, 97218 Gerbrunn', municipalityId: 'gerbrunn' },
    categories: ['youth', 'culture'], price: '5 €', isFree: false,
  },
  {
    organization: jugendzentrum, title: 'Bewerbungstraining für Jugendliche', day: 19, on: 'WE', at: ['16:00', '18:00'],
    description: 'Lebenslauf, Anschreiben und Vorstellungsgespräch üben – mit Fachleuten aus örtlichen Betrieben.',
    place: { name: 'Mittelschule Kist', address: 'Schulweg 4, 97270 Kist', municipalityId: 'kist' },
    categories: ['youth', 'education'], isFree: true,
  },
  {
    organization: tsv, title: 'Jahreshauptversammlung des TSV', day: 44, on: 'FR', at: ['19:30', '22:00'],
    description: 'Berichte des Vorstands und der Abteilungen, Ehrungen und Neuwahlen. Anträge bitte bis eine Woche vorher einreichen.',
    place: { name: 'Vereinsheim TSV Ochsenfurt', address: 'Am Sportplatz 1, 97199 Ochsenfurt', municipalityId: 'ochsenfurt' },
    categories: ['sports', 'citizens-participation'], isFree: true,
  },
  {
    organization: tsv, title: 'Schnuppertraining Leichtathletik', day: 11, on: 'SA', at: ['10:00', '12:00'],
    description: 'Sprint, Weitsprung und Ballwurf zum Ausprobieren für Kinder und Jugendliche von 8 bis 14 Jahren.',
    place: { name: 'Stadion Ochsenfurt', address: 'Am Stadion 2, 97199 Ochsenfurt', municipalityId: 'ochsenfurt' },
    categories: ['sports', 'youth'], isFree: true,
  },
  {
    organization: feuerwehr, title: 'Rauchmelder richtig anbringen: Infoabend', day: 29, on: 'TU', at: ['19:00', '20:30'],
    description: 'Die Feuerwehr erklärt, wo Rauchmelder hingehören und wie man sie prüft. Mitgebrachte Geräte werden kontrolliert.',
    place: { name: 'Feuerwehrhaus Margetshöchheim', address: 'Mainstraße 10, 97276 Margetshöchheim', municipalityId: 'margetshoechheim' },
    categories: ['education'], isFree: true,
  },
  {
    organization: feuerwehr, title: 'Erste-Hilfe-Kurs für Vereine', day: 57, on: 'SA', at: ['08:30', '16:30'],
    description: 'Neunstündiger Kurs nach den Vorgaben der Berufsgenossenschaften, geeignet für Übungsleiterinnen und Übungsleiter.',
    place: { name: 'Feuerwehrhaus Veitshöchheim', address: 'Günterslebener Straße 5, 97209 Veitshöchheim', municipalityId: 'veitshoechheim' },
    categories: ['education', 'volunteering'], price: '40 €, für Vereinsmitglieder 20 €', isFree: false,
  },
  {
    organization: dorfladen, title: 'Regionalmarkt am Dorfladen', day: 21, on: 'SA', at: ['08:00', '12:00'],
    description: 'Erzeugerinnen und Erzeuger aus dem Landkreis verkaufen Obst, Gemüse, Käse, Honig und Wein.',
    place: { name: 'Kirchplatz Eisingen', address: 'Kirchplatz, 97249 Eisingen', municipalityId: 'eisingen' },
    categories: ['market', 'environment'], isFree: true,
  },
  {
    organization: dorfladen, title: 'Pflanzentauschbörse', day: 66, on: 'SA', at: ['10:00', '12:00'],
    description: 'Ableger, Saatgut und Gartentipps tauschen. Wer nichts mitbringt, darf trotzdem mitnehmen.',
    place: { name: 'Dorfladen Eisingen', address: 'Kirchplatz 2, 97249 Eisingen', municipalityId: 'eisingen' },
    categories: ['environment'], isFree: true,
  },
  {
    organization: nachbarschaftshilfe, title: 'Schulung für neue Ehrenamtliche', day: 15, on: 'WE', at: ['18:00', '20:00'],
    description: 'Was erwartet mich bei Besuchsdienst und Einkaufshilfe? Einführung mit Versicherungsfragen und Erfahrungsberichten.',
    place: { name: 'Bürgerhaus Höchberg', address: 'Hauptstraße 58, 97204 Höchberg', municipalityId: 'hoechberg' },
    categories: ['volunteering', 'education'], isFree: true, accessibility: stepFree,
  },
  {
    organization: nachbarschaftshilfe, title: 'Handy-Sprechstunde für Seniorinnen und Senioren', day: 8, on: 'TH', at: ['10:00', '12:00'],
    description: 'Jugendliche helfen bei Fragen zu Smartphone, Messenger und Videoanrufen. Bitte Gerät und Ladekabel mitbringen.',
    place: { name: 'Seniorentreff Waldbüttelbrunn', address: 'Rathausplatz 3, 97297 Waldbüttelbrunn', municipalityId: 'waldbuettelbrunn' },
    categories: ['seniors', 'education'], isFree: true, accessibility: stepFree,
  },
  {
    organization: seniorenbeirat, title: 'Sicher unterwegs mit dem Rollator', day: 34, on: 'TU', at: ['14:00', '16:00'],
    description: 'Übungsparcours und Tipps zum Busfahren mit Rollator, gemeinsam mit der Verkehrswacht.',
    place: { name: 'Marktplatz Giebelstadt', address: 'Marktplatz, 97232 Giebelstadt', municipalityId: 'giebelstadt' },
    categories: ['seniors', 'health'], isFree: true,
  },
  {
    organization: seniorenbeirat, title: 'Tanztee im Bürgerhaus', day: 59, on: 'SU', at: ['15:00', '18:00'],
    description: 'Walzer, Foxtrott und Schlager mit Live-Musik. Auch ohne Tanzpartner willkommen.',
    place: { name: 'Bürgerhaus Kirchheim', address: 'Kirchplatz 1, 97268 Kirchheim', municipalityId: 'kirchheim' },
    categories: ['seniors', 'culture'], price: '4 € inkl. Kaffee', isFree: false, accessibility: stepFree,
  },
  {
    organization: tafel, title: 'Helferinnen- und Helfertreffen der Tafel', day: 24, on: 'MO', at: ['18:30', '20:00'],
    description: 'Dienstplan, Fahrten und Neuigkeiten. Wer sich für die Mitarbeit interessiert, ist herzlich eingeladen.',
    place: { name: 'Tafelladen Ochsenfurt', address: 'Uffenheimer Straße 12, 97199 Ochsenfurt', municipalityId: 'ochsenfurt' },
    categories: ['volunteering'], isFree: true,
  },
  {
    organization: tafel, title: 'Benefizkonzert für die Tafel', day: 47, on: 'SA', at: ['19:30', '22:00'],
    description: 'Die Stadtkapelle spielt zugunsten der Tafel. Der Erlös finanziert ein neues Kühlfahrzeug.',
    place: { name: 'Alte Turnhalle Frickenhausen', address: 'Hauptstraße 30, 97252 Frickenhausen a. Main', municipalityId: 'frickenhausen-a-main' },
    categories: ['culture', 'volunteering'], price: 'Eintritt frei, Spenden erbeten', isFree: true,
  },
  {
    organization: lebenswege, title: 'Trauercafé', day: 13, on: 'FR', at: ['15:00', '17:00'],
    description: 'Ein geschützter Ort für Menschen, die um einen Angehörigen trauern. Begleitet von geschulten Ehrenamtlichen.',
    place: { name: 'Gemeindezentrum Estenfeld', address: 'Kirchplatz 5, 97230 Estenfeld', municipalityId: 'estenfeld' },
    categories: ['health', 'seniors'], isFree: true, accessibility: stepFree,
  },
  {
    organization: lebenswege, title: 'Workshop: Gut schlafen trotz Stress', day: 75, on: 'WE', at: ['18:00', '20:00'],
    description: 'Praktische Übungen zur Entspannung und Schlafhygiene. Begrenzte Plätze, Anmeldung erbeten.',
    place: { name: 'Bürgerzentrum Rottendorf', address: 'Am Rathaus 1, 97228 Rottendorf', municipalityId: 'rottendorf' },
    categories: ['health', 'education'], isFree: true,
  },
  {
    organization: selbsthilfe, title: 'Achtsamkeitsspaziergang', day: 31, on: 'SU', at: ['10:00', '12:00'],
    description: 'Ein ruhiger Spaziergang durch die Weinberge mit kurzen Übungen zur Achtsamkeit. Festes Schuhwerk empfohlen.',
    place: { name: 'Treffpunkt Weinbergshäuschen', address: 'Am Stein, 97080 Würzburg', municipalityId: 'wuerzburg' },
    categories: ['health', 'environment'], isFree: true,
  },
  {
    organization: pfarrei, title: 'Weinbergswanderung mit Segen', day: 80, on: 'SA', at: ['14:00', '17:00'],
    description: 'Wanderung durch die Weinlagen mit Stationen zu Schöpfung und Natur, Abschluss mit Winzerbrotzeit.',
    place: { name: 'Parkplatz am Sonnenstuhl', address: 'Weinbergweg, 97236 Randersacker', municipalityId: 'randersacker' },
    categories: ['church', 'environment'], price: 'Brotzeit 8 €', isFree: false,
  },
  {
    organization: jugendzentrum, title: 'Graffiti-Workshop', day: 50, on: 'SA', at: ['11:00', '16:00'],
    description: 'Mit einem Graffiti-Künstler gestalten Jugendliche eine legale Wand am Jugendzentrum. Material wird gestellt.',
    place: { name: 'Jugendzentrum Gerbrunn', address: 'Rottendorfer Straße 20, 97218 Gerbrunn', municipalityId: 'gerbrunn' },
    categories: ['youth', 'culture'], isFree: true,
  },
  {
    organization: jugendzentrum, title: 'Ferienkino: Familienfilm im Freien', day: 60, on: 'FR', at: ['20:30', '23:00'],
    description: 'Open-Air-Kino mit Popcorn auf dem Sportplatz. Decken und Sitzkissen mitbringen.',
    place: { name: 'Sportplatz Theilheim', address: 'Am Sportplatz, 97288 Theilheim', municipalityId: 'theilheim' },
    categories: ['family', 'culture'], isFree: true,
  },
  {
    organization: tsv, title: 'Nordic-Walking-Kurs für Einsteiger', day: 26, on: 'TU', at: ['09:30', '11:00'],
    description: 'Technik, Stöcke, Tempo: Einführungskurs an drei Vormittagen, Stöcke können ausgeliehen werden.',
    place: { name: 'Parkplatz Maintalhalle', address: 'Maintalstraße 1, 97286 Winterhausen', municipalityId: 'winterhausen' },
    categories: ['sports', 'seniors', 'health'], price: '15 € für den Kurs', isFree: false,
  },
  {
    organization: tsv, title: 'Spieleabend für Familien', day: 37, on: 'FR', at: ['17:00', '20:00'],
    description: 'Brettspiele, Kartenspiele und Bewegungsspiele für alle Generationen im Vereinsheim.',
    place: { name: 'Vereinsheim TSV Ochsenfurt', address: 'Am Sportplatz 1, 97199 Ochsenfurt', municipalityId: 'ochsenfurt' },
    categories: ['family'], isFree: true,
  },
  {
    organization: nachbarschaftshilfe, title: 'Lesung: Geschichten aus dem alten Höchberg', day: 42, on: 'TH', at: ['19:00', '20:30'],
    description: 'Zeitzeuginnen und Zeitzeugen erzählen, der Heimatverein zeigt historische Fotos.',
    place: { name: 'Gemeindebücherei Höchberg', address: 'Hauptstraße 60, 97204 Höchberg', municipalityId: 'hoechberg' },
    categories: ['culture', 'seniors'], isFree: true, accessibility: stepFree,
  },
  {
    organization: seniorenbeirat, title: 'Vortrag: Vorsorgevollmacht und Patientenverfügung', day: 22, on: 'WE', at: ['15:00', '16:30'],
    description: 'Eine Notarin erklärt, was man regeln sollte und wo es Vordrucke gibt. Mit Fragerunde.',
    place: { name: 'Rathaus Kleinrinderfeld', address: 'Rathausplatz 1, 97271 Kleinrinderfeld', municipalityId: 'kleinrinderfeld' },
    categories: ['seniors', 'education'], isFree: true, accessibility: 'Aufzug vorhanden.',
  },
  {
    organization: dorfladen, title: 'Sprechstunde Bürgerbus', day: 18, on: 'MO', at: ['17:00', '18:30'],
    description: 'Die Initiative plant einen ehrenamtlichen Bürgerbus nach Würzburg. Fahrerinnen, Fahrer und Ideen gesucht.',
    place: { name: 'Dorfladen Eisingen', address: 'Kirchplatz 2, 97249 Eisingen', municipalityId: 'eisingen' },
    categories: ['citizens-participation', 'volunteering'], isFree: true,
  },
  {
    organization: feuerwehr, title: 'Christbaumsammlung der Jugendfeuerwehr', day: 85, on: 'SA', at: ['09:00', '13:00'],
    description: 'Die Jugendfeuerwehr holt ausgediente Christbäume am Straßenrand ab. Spenden gehen in die Jugendarbeit.',
    place: { name: 'Gemeindegebiet Veitshöchheim', address: 'Ganzes Gemeindegebiet, 97209 Veitshöchheim', municipalityId: 'veitshoechheim' },
    categories: ['youth', 'environment'], isFree: true,
  },
  {
    organization: pfarrei, title: 'Sternsinger-Aussendung', day: 90, on: 'SA', at: ['09:30', '10:30'],
    description: 'Die Sternsinger werden im Gottesdienst ausgesandt und ziehen anschließend durch den Ort.',
    place: { name: 'Pfarrkirche Sommerhausen', address: 'Kirchplatz, 97286 Sommerhausen', municipalityId: 'sommerhausen' },
    categories: ['church', 'youth'], isFree: true,
  },
  {
    organization: lebenswege, title: 'Gesprächsabend für pflegende Angehörige', day: 65, on: 'TU', at: ['18:30', '20:00'],
    description: 'Austausch und Entlastung für Menschen, die Angehörige pflegen. Eine Fachkraft der Pflegeberatung ist dabei.',
    place: { name: 'Pfarrheim Thüngersheim', address: 'Kirchberg 2, 97291 Thüngersheim', municipalityId: 'thuengersheim' },
    categories: ['health', 'seniors'], isFree: true,
  },
  {
    organization: selbsthilfe, title: 'Abgesagt: Sommerfest der Selbsthilfegruppen', day: 35, on: 'SA', at: ['14:00', '18:00'],
    status: 'cancelled',
    description: 'Das gemeinsame Sommerfest der Würzburger Selbsthilfegruppen fällt in diesem Jahr leider aus.',
    place: { name: 'Selbsthilfehaus Würzburg', address: 'Scanzonistraße 4, 97080 Würzburg', municipalityId: 'wuerzburg' },
    categories: ['health'], isFree: true,
  },
  {
    organization: tafel, title: 'Kochkurs: Günstig und gesund kochen', day: 53, on: 'TH', at: ['17:00', '20:00'],
    description: 'Gemeinsam kochen mit Zutaten aus der Tafel-Ausgabe. Rezepte zum Mitnehmen.',
    place: { name: 'Schulküche Mittelschule', address: 'Tückelhäuser Straße 2, 97199 Ochsenfurt', municipalityId: 'ochsenfurt' },
    categories: ['health', 'education'], isFree: true,
  },
  {
    organization: nachbarschaftshilfe, title: 'Müllsammelaktion „Saubere Flur“', day: 68, on: 'SA', at: ['09:00', '12:00'],
    description: 'Gemeinsam räumen wir Wege und Waldränder auf. Handschuhe und Säcke stellt die Gemeinde, danach gibt es eine Brotzeit.',
    place: { name: 'Treffpunkt Wertstoffhof', address: 'Industriestraße 5, 97204 Höchberg', municipalityId: 'hoechberg' },
    categories: ['environment', 'volunteering'], isFree: true,
  },
  {
    organization: jugendzentrum, title: 'Jugendforum: Was fehlt im Ort?', day: 28, on: 'TH', at: ['18:00', '20:00'],
    description: 'Jugendliche sagen dem Gemeinderat, was sie sich wünschen – vom Bolzplatz bis zum Busfahrplan.',
    place: { name: 'Rathaus Güntersleben', address: 'Rathausplatz 1, 97261 Güntersleben', municipalityId: 'guentersleben' },
    categories: ['youth', 'citizens-participation'], isFree: true, accessibility: stepFree,
  },
];
