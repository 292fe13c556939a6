/** Partial selection: the k best of a stream of (index, score) in O(n log k), a min-heap on typed arrays. */
export class TopK {
  readonly scores: Float64Array;
  readonly ids: Int32Array;
  size = 0;
  constructor(readonly k: number) {
    this.scores = new Float64Array(k);
    this.ids = new Int32Array(k);
  }
  reset(): void {
    this.size = 0;
  }
  /** the score an offer must beat once full */
  get floor(): number {
    return this.size < this.k ? Number.NEGATIVE_INFINITY : (this.scores[0] as number);
  }
  offer(id: number, score: number): void {
    const { scores, ids } = this;
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((scores[parent] as number) <= score) break;
        scores[i] = scores[parent] as number;
        ids[i] = ids[parent] as number;
        i = parent;
      }
      scores[i] = score;
      ids[i] = id;
      return;
    }
    if (score <= (scores[0] as number)) return;
    let i = 0;
    const n = this.size;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && (scores[r] as number) < (scores[l] as number) ? r : l;
      if ((scores[c] as number) >= score) break;
      scores[i] = scores[c] as number;
      ids[i] = ids[c] as number;
      i = c;
    }
    scores[i] = score;
    ids[i] = id;
  }
  /** best first */
  sorted(): Array<{ id: number; score: number }> {
    const out: Array<{ id: number; score: number }> = [];
    for (let i = 0; i < this.size; i++) out.push({ id: this.ids[i] as number, score: this.scores[i] as number });
    return out.sort((a, b) => b.score - a.score || a.id - b.id);
  }
}
