/**
 * `livehub screen`: the stable offline interface to the screening engine. JSON Lines in on stdin
 * ({"id","text","kind"?,"productCategory"?,"card"?}), one JSON line out per input line, in input order:
 * {"id","hits":[{"rule","category","severity","start","end","matched","basis"}]}. A malformed line yields
 * {"id":null,"line":N,"error":"…"} in its place (and a note on stderr); the rest is still processed.
 * Needs no database: it is the pure engine.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import {
  defaultEngine,
  EVENT_KINDS,
  type EventKind,
  PRODUCT_CATEGORIES,
  type ProductCategory,
  parseRulePack,
  ScreeningEngine,
} from '@livehub/compliance';

interface Options {
  rules?: string;
  explain?: boolean;
}

export async function screen(opts: Options): Promise<void> {
  let engine: ScreeningEngine;
  if (opts.rules) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(opts.rules, 'utf8'));
    } catch (e) {
      throw new Error(`--rules ${opts.rules}: ${e instanceof Error ? e.message : String(e)}`);
    }
    engine = ScreeningEngine.compile(parseRulePack(raw));
  } else {
    engine = defaultEngine();
  }

  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  let buffer = '';
  let errors = 0;
  const flush = async () => {
    if (buffer.length === 0) return;
    const chunk = buffer;
    buffer = '';
    if (!process.stdout.write(chunk)) await new Promise<void>((r) => process.stdout.once('drain', () => r()));
  };
  for await (const line of rl) {
    lineNo++;
    if (line.trim() === '') continue;
    const out = screenLine(engine, line, lineNo, opts.explain === true);
    if ('error' in out) {
      errors++;
      process.stderr.write(`line ${lineNo}: ${out.error}\n`);
    }
    buffer += `${JSON.stringify(out)}\n`;
    if (buffer.length > 64 * 1024) await flush();
  }
  await flush();
  if (errors > 0) process.stderr.write(`${errors} malformed line(s) reported; the others were screened\n`);
}

type Out = { id: string; hits: unknown[] } | { id: null; line: number; error: string };

function screenLine(engine: ScreeningEngine, line: string, lineNo: number, explain: boolean): Out {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch (e) {
    return { id: null, line: lineNo, error: `not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { id: null, line: lineNo, error: 'expected a JSON object' };
  const o = v as Record<string, unknown>;
  if (typeof o.id !== 'string' && typeof o.id !== 'number') return { id: null, line: lineNo, error: 'id: expected a string' };
  if (typeof o.text !== 'string') return { id: null, line: lineNo, error: 'text: expected a string' };
  if (o.kind !== undefined && !EVENT_KINDS.includes(o.kind as EventKind)) {
    return { id: null, line: lineNo, error: `kind: expected one of ${EVENT_KINDS.join('|')}` };
  }
  if (o.productCategory !== undefined && !PRODUCT_CATEGORIES.includes(o.productCategory as ProductCategory)) {
    return { id: null, line: lineNo, error: `productCategory: expected one of ${PRODUCT_CATEGORIES.join('|')}` };
  }
  const card = o.card && typeof o.card === 'object' && !Array.isArray(o.card) ? (o.card as Record<string, number>) : undefined;
  const r = engine.screen({
    text: o.text,
    ...(o.kind ? { kind: o.kind as EventKind } : {}),
    ...(o.productCategory ? { productCategory: o.productCategory as ProductCategory } : {}),
    ...(card ? { card } : {}),
  });
  return {
    id: String(o.id),
    hits: r.hits.map((h) => ({
      rule: h.rule,
      category: h.category,
      severity: h.severity,
      start: h.start,
      end: h.end,
      matched: h.matched,
      basis: h.basis,
      ...(explain ? { explanation: h.explanation.zh, normalized: h.normalized } : {}),
    })),
  };
}
