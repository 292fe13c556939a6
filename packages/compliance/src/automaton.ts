/**
 * Aho–Corasick automaton over UTF-16 code units, laid out as a double-array trie in typed arrays.
 *
 * - Alphabet compression: every code unit that occurs in some pattern gets a small symbol id; any other unit maps to
 *   0 and sends the scan straight back to the root — most characters of real text do that.
 * - Double array: the child of state s on symbol c is t = base[s] + c when check[t] === s. One addition, one load
 *   and one compare per transition; no hashing, no pointers.
 * - Failure links resolve misses; `report[s]` is the nearest state on s's suffix chain (s itself included) that
 *   ends a pattern, so a state with nothing to report costs one load.
 */

export interface Match {
  /** index of the pattern in the list given to build() */
  pattern: number;
  /** start (inclusive) and end (exclusive) in the scanned units */
  start: number;
  end: number;
}

/** Reusable output of `Automaton.scan`: the pattern and end of each match. */
export class MatchBuffer {
  pattern: Int32Array;
  end: Int32Array;

  constructor(capacity = 256) {
    this.pattern = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
  }

  grow(): void {
    const pattern = new Int32Array(this.pattern.length * 2);
    pattern.set(this.pattern);
    const end = new Int32Array(this.end.length * 2);
    end.set(this.end);
    this.pattern = pattern;
    this.end = end;
  }
}

export class Automaton {
  private constructor(
    private readonly symOf: Uint16Array,
    /** per state s, four adjacent slots: base, check, report, fail (one cache line serves a transition) */
    private readonly node: Int32Array,
    private readonly nextReport: Int32Array,
    private readonly outStart: Int32Array,
    private readonly outList: Int32Array,
    private readonly patternLen: Int32Array,
    readonly stateCount: number,
  ) {}

  static build(patterns: readonly string[]): Automaton {
    // 1. symbols, numbered by first appearance
    const symOf = new Uint16Array(0x10000);
    let symbols = 0;
    for (const p of patterns) {
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        if (symOf[c] === 0) {
          if (symbols === 0xfffe) throw new Error('too many distinct characters in patterns');
          symOf[c] = ++symbols;
        }
      }
    }
    // 2. pointer trie (build time only)
    const children: Array<Map<number, number>> = [new Map()];
    const ends: number[][] = [[]];
    patterns.forEach((p, pi) => {
      if (p.length === 0) return;
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const sym = symOf[p.charCodeAt(i)] as number;
        const kids = children[s] as Map<number, number>;
        let t = kids.get(sym);
        if (t === undefined) {
          t = children.length;
          kids.set(sym, t);
          children.push(new Map());
          ends.push([]);
        }
        s = t;
      }
      (ends[s] as number[]).push(pi);
    });
    const nodes = children.length;

    // 3. place nodes in the double array, breadth first
    let size = Math.max(1024, nodes * 2 + symbols + 2);
    let base = new Int32Array(size);
    let check = new Int32Array(size).fill(-1);
    const posOf = new Int32Array(nodes);
    posOf[0] = 0;
    // nextFree: union-find over slots, so the search for a free slot skips occupied runs in near-constant time
    let nextFree = new Int32Array(size + 1).map((_, i) => i);
    const grow = (need: number) => {
      if (need < size) return;
      let n = size;
      while (n <= need) n *= 2;
      const b = new Int32Array(n);
      b.set(base);
      const c = new Int32Array(n).fill(-1);
      c.set(check);
      const f = new Int32Array(n + 1).map((_, i) => i);
      f.set(nextFree.subarray(0, size));
      base = b;
      check = c;
      nextFree = f;
      size = n;
    };
    const findFree = (i: number): number => {
      grow(i + 1);
      let r = i;
      while (nextFree[r] !== r) r = nextFree[r] as number;
      // path compression
      let j = i;
      while (nextFree[j] !== r) {
        const k = nextFree[j] as number;
        nextFree[j] = r;
        j = k;
      }
      return r;
    };
    const occupy = (i: number) => {
      check[i] = check[i] === -1 ? -3 : (check[i] as number);
      nextFree[i] = i + 1;
    };
    occupy(0);
    const queue: number[] = [0];
    for (let qi = 0; qi < queue.length; qi++) {
      const node = queue[qi] as number;
      const kids = children[node] as Map<number, number>;
      if (kids.size === 0) continue;
      const syms = [...kids.keys()].sort((a, b) => a - b);
      const lo = syms[0] as number;
      const hi = syms[syms.length - 1] as number;
      let f = findFree(lo + 1);
      let b: number;
      for (;;) {
        b = f - lo;
        grow(b + hi + 1);
        let ok = true;
        for (let k = 1; k < syms.length; k++) {
          if (check[b + (syms[k] as number)] !== -1) {
            ok = false;
            break;
          }
        }
        if (ok) break;
        f = findFree(f + 1);
      }
      const p = posOf[node] as number;
      base[p] = b;
      for (const sym of syms) {
        const child = kids.get(sym) as number;
        check[b + sym] = p;
        nextFree[b + sym] = b + sym + 1;
        posOf[child] = b + sym;
        queue.push(child);
      }
    }
    check[0] = -1; // no state's child lives at slot 0 (bases start at 1)

    // 4. failure links and report chains, breadth first over nodes, stored by position
    const fail = new Int32Array(size);
    const report = new Int32Array(size).fill(-1);
    const nextReport = new Int32Array(size).fill(-1);
    const failNode = new Int32Array(nodes);
    const reportNode = new Int32Array(nodes).fill(-1);
    const order: number[] = [];
    for (const t of (children[0] as Map<number, number>).values()) {
      failNode[t] = 0;
      order.push(t);
    }
    for (let qi = 0; qi < order.length; qi++) {
      const s = order[qi] as number;
      const f = failNode[s] as number;
      reportNode[s] = (ends[s] as number[]).length > 0 ? s : (reportNode[f] as number);
      for (const [sym, t] of children[s] as Map<number, number>) {
        let g = f;
        let via = (children[g] as Map<number, number>).get(sym);
        while (via === undefined && g !== 0) {
          g = failNode[g] as number;
          via = (children[g] as Map<number, number>).get(sym);
        }
        failNode[t] = via !== undefined && via !== t ? via : 0;
        order.push(t);
      }
    }
    let outTotal = 0;
    for (let n = 0; n < nodes; n++) outTotal += (ends[n] as number[]).length;
    const outStart = new Int32Array(size + 1);
    const outList = new Int32Array(outTotal);
    // outputs are laid out per position; positions without outputs get empty ranges
    const byPos: Array<number[] | undefined> = new Array(size);
    for (let n = 0; n < nodes; n++) if ((ends[n] as number[]).length > 0) byPos[posOf[n] as number] = ends[n];
    let k = 0;
    for (let p = 0; p < size; p++) {
      outStart[p] = k;
      const e = byPos[p];
      if (e) for (const v of e) outList[k++] = v;
    }
    outStart[size] = k;
    for (let n = 1; n < nodes; n++) {
      const p = posOf[n] as number;
      fail[p] = posOf[failNode[n] as number] as number;
      const r = reportNode[n] as number;
      report[p] = r >= 0 ? (posOf[r] as number) : -1;
    }
    // the next reporting state after r along the suffix chain
    for (let n = 1; n < nodes; n++) {
      if ((ends[n] as number[]).length === 0) continue;
      const r = reportNode[failNode[n] as number] as number;
      nextReport[posOf[n] as number] = r > 0 ? (posOf[r] as number) : -1;
    }
    const node = new Int32Array(size * 4);
    for (let p = 0; p < size; p++) {
      node[p * 4] = base[p] as number;
      node[p * 4 + 1] = check[p] as number;
      node[p * 4 + 2] = report[p] as number;
      node[p * 4 + 3] = fail[p] as number;
    }
    const patternLen = Int32Array.from(patterns, (p) => p.length);
    return new Automaton(symOf, node, nextReport, outStart, outList, patternLen, nodes);
  }

  /**
   * Finds every occurrence of every pattern in codes[0..length) and writes each one's pattern and end (exclusive)
   * into `out`, in order of their ends; returns how many. No callback and no object per match: a long transcript
   * full of hits costs two typed-array writes per hit.
   */
  scan(codes: Uint16Array, length: number, out: MatchBuffer): number {
    const { symOf, node, nextReport, outStart, outList } = this;
    let pats = out.pattern;
    let ends = out.end;
    let m = 0;
    let s = 0;
    for (let i = 0; i < length; i++) {
      const sym = symOf[codes[i] as number] as number;
      if (sym === 0) {
        s = 0;
        continue;
      }
      for (;;) {
        const t = (node[s << 2] as number) + sym;
        if (node[(t << 2) + 1] === s) {
          s = t;
          break;
        }
        if (s === 0) break;
        s = node[(s << 2) + 3] as number;
      }
      let r = node[(s << 2) + 2] as number;
      while (r > 0) {
        for (let k = outStart[r] as number, e = outStart[r + 1] as number; k < e; k++) {
          if (m === pats.length) {
            out.grow();
            pats = out.pattern;
            ends = out.end;
          }
          pats[m] = outList[k] as number;
          ends[m] = i + 1;
          m++;
        }
        r = nextReport[r] as number;
      }
    }
    return m;
  }

  /** The length of pattern p (a match of it ending at e starts at e - length). */
  lengthOf(p: number): number {
    return this.patternLen[p] as number;
  }

  /** All matches as objects (tests and tools; the engine uses scan()). */
  findAll(text: string): Match[] {
    const units = new Uint16Array(text.length);
    for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
    const buf = new MatchBuffer(16);
    const n = this.scan(units, units.length, buf);
    const out: Match[] = [];
    for (let k = 0; k < n; k++) {
      const pattern = buf.pattern[k] as number;
      const end = buf.end[k] as number;
      out.push({ pattern, start: end - this.lengthOf(pattern), end });
    }
    return out;
  }
}
