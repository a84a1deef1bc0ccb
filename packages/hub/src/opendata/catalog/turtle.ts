import { Writer, type Quad } from 'n3';
import { PREFIXES } from './graph.js';

/** The catalogue's triples as Turtle, with the prefixes GovData's examples use. */
export function toTurtle(quads: readonly Quad[]): Promise<string> {
  const writer = new Writer({ prefixes: { ...PREFIXES } });
  writer.addQuads([...quads]);
  return new Promise((resolve, reject) => writer.end((error: Error | null, result: string) => (error ? reject(error) : resolve(result))));
}
