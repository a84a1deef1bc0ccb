import { Writable } from 'node:stream';
import { defaultLoggerOptions } from '../../src/app.js';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/**
 * The Hub's own log options (its serializers too) writing into memory, for `startTestHub({ logger })`:
 * whatever the Hub would log at `level`, a test reads here.
 */
export function captureLogs(level = defaultLoggerOptions.level) {
  const lines: string[] = [];
  // pino writes each line with one write.
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return {
    logger: { ...defaultLoggerOptions, level, stream },
    /** Everything logged so far, as one text. */
    text: () => lines.join(''),
    /** Every line logged so far, parsed. */
    lines: () => lines.map((line) => JSON.parse(line) as LogLine),
  };
}
