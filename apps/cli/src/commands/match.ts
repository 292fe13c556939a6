/**
 * `livehub match evaluate --history FILE.jsonl --k 20`: the matching engine (人货匹配) judged offline on a history it
 * has never seen. Needs no database: it is the pure engine of `@livehub/matching`.
 *
 * In: one JSON object a line — catalogue lines `{"type":"product","id","category","priceFen","commissionBp","merchant"}`
 * and `{"type":"streamer","id","categories":[…],"audience":{"female":0.7,"age18_24":0.3,…}}`, and interactions
 * `{"streamer","product","kind","at"}` (`kind`: impression, click, sample, agreement, sale; `at`: ISO 8601 or epoch
 * ms; optional `gmvFen`), in any order. A line that does not parse, repeats an id, or names a streamer or product
 * with no catalogue line is reported on stderr by line number; the rest is used. Out: one JSON object on the last
 * line of stdout — `hit_rate_at_k`, `ndcg_at_k`, `popularity_hit_rate_at_k`, `popularity_ndcg_at_k`,
 * `blend_hit_rate_at_k`, `ratio` (ours ÷ popularity, hit rate), `ratio_vs_blend` (ours ÷ blend), and the counts.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { evaluate, type Interaction, type MatchProduct, type MatchStreamer, parseHistoryLine } from '@livehub/matching';

export interface EvaluateOptions {
  history: string;
  k: number;
}

export async function matchEvaluate(opts: EvaluateOptions): Promise<void> {
  if (!Number.isInteger(opts.k) || opts.k <= 0) throw new Error('--k: must be a positive whole number');
  if (!existsSync(opts.history)) throw new Error(`--history ${opts.history}: no such file`);
  const rl = createInterface({ input: createReadStream(opts.history, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  const products = new Map<string, MatchProduct>();
  const streamers = new Map<string, MatchStreamer>();
  const pending: Array<{ line: number; interaction: Interaction }> = [];
  let lineNo = 0;
  let malformed = 0;
  const report = (line: number, msg: string) => {
    malformed++;
    process.stderr.write(`line ${line}: ${msg}\n`);
  };
  for await (const text of rl) {
    lineNo++;
    if (text.trim() === '') continue;
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch (e) {
      report(lineNo, `not JSON: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    const r = parseHistoryLine(v);
    if (!r.ok) {
      report(lineNo, r.error);
      continue;
    }
    const l = r.line;
    if (l.type === 'product') {
      if (products.has(l.product.id)) report(lineNo, `id: product ${l.product.id} appeared on an earlier line`);
      else products.set(l.product.id, l.product);
    } else if (l.type === 'streamer') {
      if (streamers.has(l.streamer.id)) report(lineNo, `id: streamer ${l.streamer.id} appeared on an earlier line`);
      else streamers.set(l.streamer.id, l.streamer);
    } else pending.push({ line: lineNo, interaction: l.interaction });
  }
  const interactions: Interaction[] = [];
  for (const { line, interaction } of pending) {
    if (!streamers.has(interaction.streamer)) report(line, `streamer: unknown id ${interaction.streamer} (no streamer line)`);
    else if (!products.has(interaction.product)) report(line, `product: unknown id ${interaction.product} (no product line)`);
    else interactions.push(interaction);
  }
  if (interactions.length === 0) throw new Error(`--history ${opts.history}: no usable interactions (an empty history)`);
  const t0 = performance.now();
  const result = evaluate({ products: [...products.values()], streamers: [...streamers.values()], interactions }, opts.k);
  process.stderr.write(
    `${interactions.length} interactions, ${products.size} products, ${streamers.size} streamers` +
      `${malformed > 0 ? `, ${malformed} bad line(s) skipped` : ''}; trained on ${result.train_interactions}, ` +
      `tested on ${result.test_pairs} (streamer, product) sales of ${result.test_streamers} streamers in ${Math.round(performance.now() - t0)} ms; ` +
      `hit rate@${opts.k} ${result.hit_rate_at_k} vs popularity ${result.popularity_hit_rate_at_k} and blend ${result.blend_hit_rate_at_k}\n`,
  );
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
