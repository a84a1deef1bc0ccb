import ICAL from 'ical.js';
import { fieldError, invalidBody } from '../http/problems.js';
import { isKnownTimeZone } from './recurrence.js';

/**
 * An iCalendar file as lines, checked before ical.js reads it: ical.js does not match BEGIN and
 * END names (an END:VEVENT closes an open VALARM without complaint), reports a bad value without
 * saying where, and decodes some values only when they are read. So the structure and every value
 * the Hub uses are checked here, line by line, and each problem names its line in words.
 */

interface LineError {
  line: number;
  reason: string;
}

/** Collected problems; thrown once all are known, so one answer names every bad line. */
export class ImportProblems {
  readonly errors: LineError[] = [];
  add(line: number, reason: string): void {
    this.errors.push({ line, reason });
  }
  throwIfAny(): void {
    if (this.errors.length === 0) return;
    const errors = [...this.errors].sort((a, b) => a.line - b.line);
    const shown = errors.slice(0, 50);
    const listed = shown
      .slice(0, 10)
      .map(({ line, reason }) => `Line ${line}: ${reason}`)
      .join('; ');
    const more = errors.length > 10 ? ` (${errors.length} problems in all)` : '';
    // A feed is one text body: its errors point at the body as a whole and name the line.
    throw invalidBody(
      shown.map(({ line, reason }) => fieldError('', 'invalid-icalendar', `line ${line}: ${reason}`)),
      `${listed}${more}. Nothing was imported.`,
    );
  }
}

/** One content line, unfolded, with the physical line it starts on (1-based). */
interface ContentLine {
  line: number;
  /** Its last physical line (folded lines continue on the next ones). */
  lastLine: number;
  name: string;
  parameters: Record<string, string>;
  value: string;
}

/** `NAME;PARAM=value;PARAM="quoted":value` (RFC 5545 §3.1). */
const contentLine = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)$/s;
const parameter = /;([A-Za-z0-9-]+)=((?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)/g;

/** Shown in messages: enough of a value to recognise it. */
function quoted(value: string): string {
  return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
}

const datePattern = /^(\d{4})(\d{2})(\d{2})$/;
const dateTimePattern = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z?$/;
const durationPattern = /^[+-]?P(?:\d+W|(?=\d|T\d)(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?)$/;

function isRealDate(year: string, month: string, day: string): boolean {
  const m = Number(month);
  const d = Number(day);
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
}

/** What is wrong with one DATE or DATE-TIME value, or undefined. */
function timeProblem(value: string, type: string | undefined): string | undefined {
  const date = datePattern.exec(value);
  if (date) {
    if (type && type !== 'DATE') return 'is a date, but VALUE says otherwise';
    return isRealDate(date[1]!, date[2]!, date[3]!) ? undefined : 'is no real date';
  }
  const dateTime = dateTimePattern.exec(value);
  if (dateTime) {
    if (type === 'DATE') return 'is a date and time, but VALUE=DATE asks for a date (YYYYMMDD)';
    const [, year, month, day, hour, minute, second] = dateTime;
    if (!isRealDate(year!, month!, day!)) return 'is no real date';
    return Number(hour) > 23 || Number(minute) > 59 || Number(second) > 60 ? 'is no real time of day' : undefined;
  }
  return 'is not a valid date (YYYYMMDD) or date and time (YYYYMMDDThhmmss, Z for UTC)';
}

const timeProperties = new Set(['DTSTART', 'DTEND', 'DUE', 'RECURRENCE-ID', 'RDATE', 'EXDATE']);

/** What is wrong with a value the Hub reads from a VEVENT (times, zones, durations, rules), in words. */
function valueProblem({ name, parameters, value }: ContentLine, fileZones: ReadonlySet<string>): string | undefined {
  if (timeProperties.has(name)) {
    const tzid = parameters.TZID;
    if (tzid && !isKnownTimeZone(tzid) && !fileZones.has(tzid)) {
      return `${name} names the unknown time zone "${tzid}" (not in the tz database, no VTIMEZONE in the file)`;
    }
    const type = parameters.VALUE?.toUpperCase();
    for (const item of value.split(',')) {
      // A PERIOD (RDATE) is a start and an end or a duration; its start is what counts.
      const [start, rest] = type === 'PERIOD' ? item.split('/') : [item];
      const problem = timeProblem(start!, type === 'PERIOD' ? 'DATE-TIME' : type);
      if (problem) return `${name} ${problem} (${quoted(item)})`;
      if (type === 'PERIOD' && !(rest && (dateTimePattern.test(rest) || durationPattern.test(rest)))) {
        return `${name} is not a valid period (start/end or start/duration) (${quoted(item)})`;
      }
    }
  } else if (name === 'DURATION' && !durationPattern.test(value)) {
    return `DURATION is not a valid duration such as PT1H30M (${quoted(value)})`;
  } else if (name === 'RRULE') {
    try {
      ICAL.Recur.fromString(value);
    } catch (error) {
      return `RRULE is not a valid recurrence rule (${quoted(value)}): ${(error as Error).message}`;
    }
  }
  return undefined;
}

export class SourceLines {
  /** Physical lines of the file (without the empty one after its final line break). */
  readonly lines: string[];
  readonly contentLines: ContentLine[] = [];
  /** 1-based first and last line of each VEVENT, in file order (as ical.js lists them). */
  readonly vevents: [number, number][] = [];
  /** Physical lines of content lines with a problem reported (first to last, folded ones too). */
  private readonly badLines = new Set<number>();
  /** Indexes of the VEVENTs with such a line: nothing more is said about them. */
  readonly badEvents = new Set<number>();

  constructor(text: string) {
    this.lines = text.split(/\r\n|\n|\r/);
    if (this.lines.length > 1 && this.lines.at(-1) === '') this.lines.pop();
  }

  /** The last line of the file: where a problem at its end is reported. */
  get lastLine(): number {
    return this.lines.length;
  }

  /**
   * Unfolds the lines and checks that each is a content line and that BEGIN and END nest. Returns
   * false when the file's structure is broken (then nothing else in it can be trusted).
   */
  checkStructure(problems: ImportProblems): boolean {
    let pending: { line: number; lastLine: number; text: string } | undefined;
    const finish = () => {
      if (!pending) return;
      const match = contentLine.exec(pending.text);
      if (!match) {
        problems.add(pending.line, `is not a property line of the form NAME:value (${quoted(pending.text)})`);
        for (let line = pending.line; line <= pending.lastLine; line++) this.badLines.add(line);
      } else {
        const parameters: Record<string, string> = {};
        for (const [, name, value] of match[2]!.matchAll(parameter)) parameters[name!.toUpperCase()] = value!.replace(/^"|"$/g, '');
        this.contentLines.push({
          line: pending.line,
          lastLine: pending.lastLine,
          name: match[1]!.toUpperCase(),
          parameters,
          value: match[3]!,
        });
      }
      pending = undefined;
    };
    this.lines.forEach((text, index) => {
      if (/^[ \t]/.test(text) && pending) {
        pending.text += text.slice(1);
        pending.lastLine = index + 1;
      } else {
        finish();
        if (text !== '') pending = { line: index + 1, lastLine: index + 1, text };
      }
    });
    finish();

    let nested = true;
    const open: { name: string; line: number }[] = [];
    for (const { line, name, value } of this.contentLines) {
      const component = value.trim().toUpperCase();
      if (name === 'BEGIN') {
        open.push({ name: component, line });
      } else if (name === 'END') {
        const at = open.map((entry) => entry.name).lastIndexOf(component);
        if (at === -1) {
          nested = false;
          problems.add(line, `END:${component} without a BEGIN:${component} before it`);
          continue;
        }
        const top = open[open.length - 1]!;
        if (at !== open.length - 1) {
          nested = false;
          problems.add(line, `END:${component} while ${top.name} (line ${top.line}) is still open: END:${top.name} is missing`);
        }
        if (component === 'VEVENT') this.vevents.push([open[at]!.line, line]);
        open.length = at;
      }
    }
    if (open.length > 0) nested = false;
    for (const unclosed of open.reverse()) {
      problems.add(this.lastLine, `the file ends inside ${unclosed.name} (line ${unclosed.line}): END:${unclosed.name} is missing`);
    }
    this.vevents.sort((a, b) => a[0] - b[0]);
    return nested;
  }

  /**
   * Checks the values the Hub reads from each VEVENT (times, durations, rules, zones), so that each
   * bad one is named by its line.
   */
  checkValues(problems: ImportProblems): void {
    const fileZones = new Set(
      this.contentLines
        .filter((line, index) => line.name === 'TZID' && this.contentLines[index - 1]?.name === 'BEGIN')
        .map((line) => line.value),
    );
    this.vevents.forEach(([begin, end], index) => {
      for (let line = begin; line <= end; line++) if (this.badLines.has(line)) this.badEvents.add(index);
      let rules = 0;
      for (const content of this.eventLines(index)) {
        const problem =
          content.name === 'RRULE' && ++rules > 1
            ? 'a second RRULE in one event (the Hub takes one rule per event)'
            : valueProblem(content, fileZones);
        if (!problem) continue;
        problems.add(content.line, problem);
        for (let line = content.line; line <= content.lastLine; line++) this.badLines.add(line);
        this.badEvents.add(index);
      }
    });
  }

  /** The file without the lines reported as bad, for ical.js to read the rest. */
  readable(): string {
    return this.lines.filter((_, index) => !this.badLines.has(index + 1)).join('\r\n');
  }

  /** The n-th VEVENT's own properties: not those of components inside it (VALARM). */
  private eventLines(vevent: number): ContentLine[] {
    const [begin, end] = this.vevents[vevent] ?? [0, 0];
    let depth = 0;
    return this.contentLines.filter(({ line, name }) => {
      if (line <= begin || line >= end) return false;
      if (name === 'BEGIN') depth++;
      else if (name === 'END') depth--;
      return depth === 0 && name !== 'END';
    });
  }

  /** 1-based line of the n-th `property` (default: the first) of the n-th VEVENT, or of its BEGIN line. */
  lineOf(vevent: number, property?: string, nth = 0): number {
    const found = property ? this.eventLines(vevent).filter((line) => line.name === property)[nth] : undefined;
    return found?.line ?? this.vevents[vevent]?.[0] ?? 1;
  }

  /**
   * Where ical.js fails when the checks here found nothing (it names what is wrong but not where):
   * the first logical line whose inclusion makes the parse fail, other than by ending inside a component.
   */
  locateParseError(): number {
    const starts = this.contentLines.map((line) => line.line - 1);
    starts.push(this.lines.length);
    const failsBefore = (end: number) => {
      try {
        ICAL.parse(this.lines.slice(0, end).join('\r\n'));
        return false;
      } catch (error) {
        return !/component began but did not end/.test((error as Error).message);
      }
    };
    let low = 1;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (failsBefore(starts[middle]!)) high = middle;
      else low = middle + 1;
    }
    // The first failing prefix ends with the bad logical line.
    return Math.min(starts[low - 1]! + 1, this.lastLine);
  }
}
