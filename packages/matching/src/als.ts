/**
 * Implicit-feedback matrix factorisation by alternating least squares (Hu, Koren & Volinsky 2008): each observed
 * (streamer, product) pair has a preference 1 with confidence 1 + α·w (w: the decayed, kind-weighted interactions);
 * every unobserved pair has preference 0 with confidence 1. Each half-step solves one small regularised least-squares
 * system per row (Cholesky), using YᵀY once for all the zeros. Deterministic for a seed; no I/O.
 */

export interface AlsOptions {
  factors: number;
  iterations: number;
  /** L2 regularisation */
  lambda: number;
  /** confidence scale */
  alpha: number;
  seed: number;
}

export const ALS_DEFAULTS: AlsOptions = { factors: 16, iterations: 12, lambda: 0.5, alpha: 8, seed: 7 };

export interface Factors {
  dim: number;
  /** rows × dim, row-major */
  rows: Float32Array;
  cols: Float32Array;
}

/** Sparse weights: for each row, its column indices and weights (CSR). */
export interface Csr {
  n: number;
  ptr: Int32Array;
  idx: Int32Array;
  val: Float32Array;
}

export function csr(n: number, triples: { r: Int32Array; c: Int32Array; w: Float32Array }): Csr {
  const ptr = new Int32Array(n + 1);
  for (let i = 0; i < triples.r.length; i++) {
    const j = (triples.r[i] as number) + 1;
    ptr[j] = (ptr[j] as number) + 1;
  }
  for (let i = 0; i < n; i++) ptr[i + 1] = (ptr[i + 1] as number) + (ptr[i] as number);
  const fill = ptr.slice(0, n);
  const idx = new Int32Array(triples.r.length);
  const val = new Float32Array(triples.r.length);
  for (let i = 0; i < triples.r.length; i++) {
    const r = triples.r[i] as number;
    const at = fill[r] as number;
    fill[r] = at + 1;
    idx[at] = triples.c[i] as number;
    val[at] = triples.w[i] as number;
  }
  return { n, ptr, idx, val };
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Gram matrix YᵀY of an n × f matrix. */
function gram(y: Float32Array, n: number, f: number): Float64Array {
  const g = new Float64Array(f * f);
  for (let i = 0; i < n; i++) {
    const o = i * f;
    for (let a = 0; a < f; a++) {
      const ya = y[o + a] as number;
      if (ya === 0) continue;
      for (let b = a; b < f; b++) g[a * f + b] = (g[a * f + b] as number) + ya * (y[o + b] as number);
    }
  }
  for (let a = 0; a < f; a++) for (let b = 0; b < a; b++) g[a * f + b] = g[b * f + a] as number;
  return g;
}

/** Solves A x = b in place (A symmetric positive definite, f × f) by Cholesky; x written to out at offset. */
export function cholSolve(a: Float64Array, b: Float64Array, f: number, out: Float32Array, at: number): void {
  for (let j = 0; j < f; j++) {
    let d = a[j * f + j] as number;
    for (let k = 0; k < j; k++) d -= (a[j * f + k] as number) ** 2;
    d = Math.sqrt(Math.max(d, 1e-12));
    a[j * f + j] = d;
    for (let i = j + 1; i < f; i++) {
      let s = a[i * f + j] as number;
      for (let k = 0; k < j; k++) s -= (a[i * f + k] as number) * (a[j * f + k] as number);
      a[i * f + j] = s / d;
    }
  }
  for (let i = 0; i < f; i++) {
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= (a[i * f + k] as number) * (b[k] as number);
    b[i] = s / (a[i * f + i] as number);
  }
  for (let i = f - 1; i >= 0; i--) {
    let s = b[i] as number;
    for (let k = i + 1; k < f; k++) s -= (a[k * f + i] as number) * (b[k] as number);
    b[i] = s / (a[i * f + i] as number);
  }
  for (let i = 0; i < f; i++) out[at + i] = b[i] as number;
}

/** One half-step: recompute every row of `x` from the fixed `y`. */
function solveSide(m: Csr, x: Float32Array, y: Float32Array, ny: number, o: AlsOptions): void {
  const f = o.factors;
  const g = gram(y, ny, f);
  const a = new Float64Array(f * f);
  const b = new Float64Array(f);
  for (let u = 0; u < m.n; u++) {
    const start = m.ptr[u] as number;
    const end = m.ptr[u + 1] as number;
    if (start === end) {
      x.fill(0, u * f, u * f + f);
      continue;
    }
    a.set(g);
    for (let d = 0; d < f; d++) a[d * f + d] = (a[d * f + d] as number) + o.lambda;
    b.fill(0);
    for (let k = start; k < end; k++) {
      const i = (m.idx[k] as number) * f;
      const c = o.alpha * (m.val[k] as number); // confidence − 1
      for (let p = 0; p < f; p++) {
        const yp = y[i + p] as number;
        b[p] = (b[p] as number) + (1 + c) * yp;
        const cy = c * yp;
        for (let q = 0; q <= p; q++) a[p * f + q] = (a[p * f + q] as number) + cy * (y[i + q] as number);
      }
    }
    for (let p = 0; p < f; p++) for (let q = p + 1; q < f; q++) a[p * f + q] = a[q * f + p] as number;
    cholSolve(a, b, f, x, u * f);
  }
}

/** Factorises the rows × cols weight matrix given as CSR both ways (`byRow`, and its transpose `byCol`). */
export function trainAls(byRow: Csr, byCol: Csr, options: Partial<AlsOptions> = {}): Factors {
  const o = { ...ALS_DEFAULTS, ...options };
  const f = o.factors;
  const rnd = mulberry32(o.seed);
  const rows = new Float32Array(byRow.n * f);
  const cols = new Float32Array(byCol.n * f);
  for (let i = 0; i < cols.length; i++) cols[i] = (rnd() - 0.5) * 0.1;
  for (let it = 0; it < o.iterations; it++) {
    solveSide(byRow, rows, cols, byCol.n, o);
    solveSide(byCol, cols, rows, byRow.n, o);
  }
  return { dim: f, rows, cols };
}
