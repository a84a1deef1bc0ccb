/**
 * PostgreSQL's full text search and arithmetic, restated for the help search index (`search-index.ts`): the
 * stored `tsvector`s read as postings, matching a `tsquery` of alternatives (`a | b:* | c:AC`),
 * and `ts_rank` with its default weights. Each part follows PostgreSQL's own code
 * (src/backend/utils/adt/tsvector.c, tsvector_op.c, tsrank.c, src/include/lib/sort_template.h)
 * step for step, single-precision arithmetic included, so the index ranks exactly as the SQL does:
 * `help-search-index.test.ts` holds the two to the same answers.
 */

/** Weights as PostgreSQL numbers them in a position (D = 0 … A = 3). */
const WEIGHT_CODES: Record<string, number> = { A: 3, B: 2, C: 1, D: 0 };

/** `ts_rank`'s default weights {D, C, B, A} as the `float4`s PostgreSQL computes with. */
const RANK_WEIGHTS = [0.1, 0.2, 0.4, 1.0].map(Math.fround);

/** Positions of one lexeme in one vector, each `weight << 14 | position` as PostgreSQL stores them. */
export interface VectorEntry {
  lexeme: string;
  positions: number[];
}

/**
 * Reads a `tsvector`'s text form (`'lexeme':1A,5 'other':3C`) in its stored order: lexemes sorted
 * as PostgreSQL sorts them (bytes), positions ascending.
 */
export function parseTsvector(text: string): VectorEntry[] {
  const entries: VectorEntry[] = [];
  let at = 0;
  while (at < text.length) {
    if (text[at] === ' ') {
      at++;
      continue;
    }
    if (text[at] !== "'") throw new Error(`unexpected tsvector text at ${at}: ${text.slice(at, at + 20)}`);
    let lexeme = '';
    at++;
    for (;;) {
      const char = text[at++];
      if (char === undefined) throw new Error('unterminated lexeme in tsvector text');
      if (char === '\\') lexeme += text[at++];
      else if (char === "'") {
        if (text[at] === "'") {
          lexeme += "'";
          at++;
        } else break;
      } else lexeme += char;
    }
    const positions: number[] = [];
    if (text[at] === ':') {
      at++;
      for (;;) {
        const match = /^(\d+)([ABCD]?)/.exec(text.slice(at, at + 8))!;
        positions.push((WEIGHT_CODES[match[2] || 'D']! << 14) | Number(match[1]));
        at += match[0].length;
        if (text[at] !== ',') break;
        at++;
      }
    }
    entries.push({ lexeme, positions });
  }
  return entries;
}

/** PostgreSQL's order of lexemes (`tsCompareString`): by their UTF-8 bytes, a beginning before its longer words. */
export function compareLexemes(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/**
 * One lexeme's share of `ts_rank` in `calc_rank_or`: its weights summed over the squares of their
 * places, the largest counted in full, over π²/6. Computed as PostgreSQL does: in `float4`, then
 * divided as a double; `rankOf` adds the shares up.
 */
export function rankShare(positions: number[]): number {
  // A lexeme without positions counts as one position of weight D.
  const list = positions.length > 0 ? positions : [0];
  let sum = 0;
  let highest = -1;
  let highestAt = 0;
  list.forEach((position, j) => {
    const weight = RANK_WEIGHTS[position >> 14]!;
    sum = Math.fround(sum + Math.fround(weight / ((j + 1) * (j + 1))));
    if (weight > highest) {
      highest = weight;
      highestAt = j;
    }
  });
  const first = Math.fround(highest + sum);
  return Math.fround(first - Math.fround(highest / ((highestAt + 1) * (highestAt + 1)))) / 1.64493406685;
}

/** One operand of a `tsquery` after normalizing: a lexeme, a beginning (`:*`), and the weights it must have (0: any). */
export interface QueryOperand {
  lexeme: string;
  prefix: boolean;
  /** Bit `1 << code` per weight allowed (A = 8, B = 4, C = 2, D = 1); 0 for all. */
  weights: number;
}

/** An alternative of a query as the Hub writes it: `term`, `term:*`, `term:AC`, `term:*A`. */
export interface QueryTerm {
  term: string;
  prefix: boolean;
  weights: number;
}

/** Reads the alternatives of a query written as `a | b:* | c:AC` (what `search.ts` builds). */
export function parseAlternatives(query: string): QueryTerm[] {
  return query.split(' | ').map((alternative) => {
    const [, term, flags = ''] = /^(.*?)(?::([*ABCD]+))?$/.exec(alternative)!;
    let weights = 0;
    for (const flag of flags) if (flag !== '*') weights |= 1 << WEIGHT_CODES[flag]!;
    return { term: term!, prefix: flags.includes('*'), weights };
  });
}

/**
 * The operands in the order PostgreSQL keeps a query's items: `to_tsquery` stores an operator
 * before its right operand and then its left one, so the alternatives of `a | b | c` come as
 * c, b, a. `ts_rank` sorts them from there (`sortForRank`).
 */
export function storedOrder(operands: QueryOperand[]): QueryOperand[] {
  return [...operands].reverse();
}

/**
 * PostgreSQL's `qsort_arg` (sort_template.h) restated: which of two operands that differ only in
 * `:*` is kept by `SortAndUniqItems` depends on where the sort leaves them, since it is not stable.
 */
function pgSort<T>(items: T[], compare: (a: T, b: T) => number, from = 0, count = items.length): void {
  const swap = (i: number, j: number) => {
    const value = items[i]!;
    items[i] = items[j]!;
    items[j] = value;
  };
  const swapRange = (i: number, j: number, n: number) => {
    for (let k = 0; k < n; k++) swap(i + k, j + k);
  };
  const cmp = (i: number, j: number) => compare(items[i]!, items[j]!);
  const med3 = (a: number, b: number, c: number) =>
    cmp(a, b) < 0 ? (cmp(b, c) < 0 ? b : cmp(a, c) < 0 ? c : a) : cmp(b, c) > 0 ? b : cmp(a, c) < 0 ? a : c;
  let a = from;
  let n = count;
  for (;;) {
    if (n < 7) {
      for (let pm = a + 1; pm < a + n; pm++) for (let pl = pm; pl > a && cmp(pl - 1, pl) > 0; pl--) swap(pl, pl - 1);
      return;
    }
    let presorted = true;
    for (let pm = a + 1; pm < a + n; pm++) {
      if (cmp(pm - 1, pm) > 0) {
        presorted = false;
        break;
      }
    }
    if (presorted) return;
    let pm = a + Math.floor(n / 2);
    if (n > 7) {
      let pl = a;
      let pn = a + n - 1;
      if (n > 40) {
        const d = Math.floor(n / 8);
        pl = med3(pl, pl + d, pl + 2 * d);
        pm = med3(pm - d, pm, pm + d);
        pn = med3(pn - 2 * d, pn - d, pn);
      }
      pm = med3(pl, pm, pn);
    }
    swap(a, pm);
    let pa = a + 1;
    let pb = pa;
    let pc = a + n - 1;
    let pd = pc;
    for (;;) {
      let r: number;
      while (pb <= pc && (r = cmp(pb, a)) <= 0) {
        if (r === 0) swap(pa++, pb);
        pb++;
      }
      while (pb <= pc && (r = cmp(pc, a)) >= 0) {
        if (r === 0) swap(pc, pd--);
        pc--;
      }
      if (pb > pc) break;
      swap(pb++, pc--);
    }
    const pn = a + n;
    let d1 = Math.min(pa - a, pb - pa);
    swapRange(a, pb - d1, d1);
    d1 = Math.min(pd - pc, pn - pd - 1);
    swapRange(pb, pn - d1, d1);
    d1 = pb - pa;
    const d2 = pd - pc;
    if (d1 <= d2) {
      if (d1 > 1) pgSort(items, compare, a, d1);
      if (d2 <= 1) return;
      a = pn - d2;
      n = d2;
    } else {
      if (d2 > 1) pgSort(items, compare, pn - d2, d2);
      if (d1 <= 1) return;
      n = d1;
    }
  }
}

/**
 * The operands `ts_rank` counts (`SortAndUniqItems`): sorted by lexeme, one per lexeme (the first
 * the sort leaves; whether it is a beginning decides which words it counts). The query's items
 * come in `storedOrder`.
 */
export function operandsForRank(stored: QueryOperand[]): QueryOperand[] {
  const items = [...stored];
  const compare = (a: QueryOperand, b: QueryOperand) => compareLexemes(a.lexeme, b.lexeme);
  if (items.length >= 2) pgSort(items, compare);
  return items.filter((item, i) => i === 0 || compare(item, items[i - 1]!) !== 0);
}

/** PostgreSQL's `round(double precision)`: to the nearest integer, halves to the even one. */
export function roundHalfEven(value: number): number {
  const rounded = Math.round(value);
  return rounded - value === 0.5 && rounded % 2 !== 0 ? rounded - 1 : rounded;
}
