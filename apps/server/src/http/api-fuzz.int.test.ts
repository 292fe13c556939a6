/**
 * An API fuzz test generated from the OpenAPI document: every operation is called with path parameters, query
 * strings and bodies built from its own schema and then broken (wrong types, hostile strings, NUL, lone surrogates,
 * huge numbers, unknown fields, random JSON), signed in as a role it allows. Whatever arrives, the answer is never
 * a 5xx, and every error has the one shape. The generator is seeded, so a failure names a case that replays.
 */
import { createTestPlatform, DEMO_ACCOUNT_BY_ROLE, type TestPlatform, type TestSession } from '@livehub/server/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  format?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}
interface Operation {
  parameters?: Array<{ name: string; in: 'path' | 'query' | 'header'; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  'x-livehub-access'?: 'public' | 'authenticated' | string[];
  'x-websocket'?: boolean;
}

/** Calls that would end the session the fuzzer signs in with. */
const SKIP = new Set(['POST /api/auth/logout', 'POST /api/auth/switch']);
const RUNS_PER_OPERATION = 12;

let p: TestPlatform;
const sessions = new Map<string, TestSession>();
let doc: { paths: Record<string, Record<string, Operation>> };

beforeAll(async () => {
  p = await createTestPlatform({ seed: true });
  for (const [role, username] of Object.entries(DEMO_ACCOUNT_BY_ROLE)) sessions.set(role, await p.login(username));
  doc = (await p.app.inject({ method: 'GET', url: '/docs/json' })).json();
});
afterAll(async () => p?.close());

const HOSTILE = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '%',
  '%00',
  '../../etc/passwd',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '9'.repeat(400),
  '-1',
  '1e309',
  'NaN',
  'Infinity',
  '2026-02-30',
  '0000-00-00',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '直播'.repeat(3000),
  '\u202e\u200b',
  '{"a":1}',
  '[]',
];

const hostileString = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }));
const hostileScalar = fc.oneof(
  hostileString,
  fc.integer(),
  fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER, -(2 ** 63), 1.5),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
);

/** A value that fits the schema (so the request gets past validation and into the service) or breaks it. */
function valueFor(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const broken = depth > 3 ? hostileScalar : fc.oneof(hostileScalar, fc.jsonValue({ maxDepth: 2 }));
  if (!schema || depth > 4) return broken;
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt && alt.length > 0) return fc.oneof(...alt.map((s) => valueFor(s, depth + 1)), broken);
  if (schema.enum && schema.enum.length > 0)
    return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...schema.enum) }, { weight: 1, arbitrary: broken });
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  let fitting: fc.Arbitrary<unknown>;
  switch (type) {
    case 'string':
      fitting =
        schema.format === 'uuid'
          ? fc.uuid()
          : schema.format === 'date'
            ? fc.constantFrom('2026-12-03', '2031-01-01', '1900-01-01')
            : schema.format === 'date-time'
              ? fc.constantFrom('2026-12-03T10:00:00.000Z', '1970-01-01T00:00:00Z')
              : fc.string({ maxLength: 30 });
      break;
    case 'integer':
      fitting = fc.integer({ min: -5, max: 100_000 });
      break;
    case 'number':
      fitting = fc.double({ noNaN: true, min: -5, max: 1e6 });
      break;
    case 'boolean':
      fitting = fc.boolean();
      break;
    case 'array':
      fitting = fc.array(valueFor(schema.items, depth + 1), { maxLength: 4 });
      break;
    case 'object':
      fitting = objectFor(schema, depth);
      break;
    default:
      fitting = broken;
  }
  return fc.oneof({ weight: 3, arbitrary: fitting }, { weight: 1, arbitrary: broken });
}

function objectFor(schema: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(schema.properties ?? {});
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, s] of props) record[k] = valueFor(s, depth + 1);
  return fc
    .tuple(
      fc.record(record, { requiredKeys: [] }),
      fc.option(fc.dictionary(hostileString, hostileScalar, { maxKeys: 2 }), { nil: undefined }),
    )
    .map(([known, extra]) => ({ ...known, ...(extra ?? {}) }));
}

const asQueryValue = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
/** A URL carries well-formed text only: a lone surrogate becomes U+FFFD, as a browser would send it. */
const wellFormed = (s: string) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

function roleFor(op: Operation): string | null {
  const access = op['x-livehub-access'];
  if (access === 'public') return null;
  if (access === 'authenticated' || !Array.isArray(access)) return 'platform_admin';
  return access.includes('platform_admin') ? 'platform_admin' : (access[0] ?? 'platform_admin');
}

/** A value that passes the schema, as plainly as possible: the base a single broken field is put into. */
function fitting(schema: JsonSchema | undefined): unknown {
  if (!schema) return 'a';
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt?.[0]) return fitting(alt[0]);
  if (schema.enum?.length) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'string')
    return schema.format === 'uuid' ? '00000000-0000-7000-8000-000000000000' : schema.format === 'date' ? '2031-01-01' : '测试ab';
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return true;
  if (type === 'array') return [fitting(schema.items)];
  if (type === 'object') return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, fitting(v)]));
  return 'a';
}

/** Every path to a string field of a schema (objects and the first array element), up to a depth. */
function stringPaths(schema: JsonSchema | undefined, at: string[] = [], depth = 0): string[][] {
  if (!schema || depth > 4) return [];
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt?.[0]) return stringPaths(alt[0], at, depth);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'string' && !schema.enum) return [at];
  if (type === 'array') return stringPaths(schema.items, [...at, '0'], depth + 1);
  if (type === 'object') return Object.entries(schema.properties ?? {}).flatMap(([k, v]) => stringPaths(v, [...at, k], depth + 1));
  return [];
}

function setAt(value: unknown, path: string[], leaf: string): unknown {
  if (path.length === 0) return leaf;
  const [head = '', ...rest] = path;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  (copy as Record<string, unknown>)[head] = setAt((value as Record<string, unknown>)[head], rest, leaf);
  return copy;
}

/** Every operation of the document the fuzzer calls, with the session of a role it allows. */
function* operations(): Generator<{ name: string; path: string; method: string; op: Operation; s: TestSession | undefined }> {
  for (const [path, ops] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/')) continue;
    for (const [method, op] of Object.entries(ops)) {
      const name = `${method.toUpperCase()} ${path}`;
      if (SKIP.has(name) || op['x-websocket']) continue;
      const role = roleFor(op);
      yield { name, path, method, op, s: role ? sessions.get(role) : undefined };
    }
  }
}

describe('API fuzz from the OpenAPI document', () => {
  it('covers every operation', () => {
    const ops = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(ops.filter((o) => o.includes(' /api/')).length).toBeGreaterThan(80);
  });

  it('never answers 5xx, and every error has the one shape', async () => {
    const failures: string[] = [];
    let calls = 0;
    for (const { name, path, method, op, s } of operations()) {
      const pathParams = (op.parameters ?? []).filter((x) => x.in === 'path');
      const queryParams = (op.parameters ?? []).filter((x) => x.in === 'query');
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const arb = fc.record({
        path: fc.tuple(...pathParams.map((x) => fc.oneof(valueFor(x.schema), hostileString)), fc.constant(null)),
        query: fc.tuple(...queryParams.map((x) => fc.option(valueFor(x.schema), { nil: undefined })), fc.constant(null)),
        body: bodySchema
          ? fc.oneof({ weight: 4, arbitrary: valueFor(bodySchema) }, { weight: 1, arbitrary: fc.jsonValue() })
          : fc.constant(undefined),
      });
      const samples = fc.sample(arb, {
        numRuns: RUNS_PER_OPERATION,
        seed: [...name].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, 7),
      });
      for (const sample of samples) {
        let url = path;
        pathParams.forEach((x, i) => {
          url = url.replace(`{${x.name}}`, encodeURIComponent(wellFormed(asQueryValue(sample.path[i]))) || 'x');
        });
        const qs = new URLSearchParams();
        queryParams.forEach((x, i) => {
          const v = sample.query[i];
          if (v !== undefined) qs.set(x.name, asQueryValue(v));
        });
        const full = qs.size > 0 ? `${url}?${qs}` : url;
        const hasBody = method !== 'get' && method !== 'delete';
        const res = await p.app.inject({
          method: method.toUpperCase() as 'GET',
          url: full,
          headers: {
            ...(s ? s.headers(method !== 'get') : {}),
            ...(hasBody && sample.body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          ...(hasBody && sample.body !== undefined ? { payload: JSON.stringify(sample.body) } : {}),
        });
        calls++;
        const line = `${name} → ${full.slice(0, 200)} ${hasBody ? JSON.stringify(sample.body)?.slice(0, 300) : ''} = ${res.statusCode} ${res.body.slice(0, 200)}`;
        if (res.statusCode >= 500) failures.push(line);
        else if (res.statusCode >= 400) {
          const body = JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown } };
          if (typeof body.error?.code !== 'string' || typeof body.error?.message !== 'string') failures.push(`shape: ${line}`);
        }
      }
    }
    expect(calls).toBeGreaterThan(800);
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('a NUL, a lone surrogate or an over-long text in any one string field of a plausible request is a 4xx', async () => {
    const failures: string[] = [];
    let calls = 0;
    for (const { name, path, method, op, s } of operations()) {
      const params = op.parameters ?? [];
      const baseQuery = Object.fromEntries(params.filter((x) => x.in === 'query').map((x) => [x.name, String(fitting(x.schema))]));
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const baseBody = bodySchema ? fitting(bodySchema) : undefined;
      const targets: Array<{ where: 'path' | 'query' | 'body'; field: string[] }> = [
        ...params.filter((x) => x.in === 'path').map((x) => ({ where: 'path' as const, field: [x.name] })),
        ...params
          .filter((x) => x.in === 'query' && stringPaths(x.schema).length > 0)
          .map((x) => ({ where: 'query' as const, field: [x.name] })),
        ...stringPaths(bodySchema).map((f) => ({ where: 'body' as const, field: f })),
      ];
      for (const t of targets) {
        for (const bad of ['a\u0000b', '\uD800x', 'x'.repeat(20_000)]) {
          let url = path;
          for (const x of params.filter((q) => q.in === 'path')) {
            const v = t.where === 'path' && t.field[0] === x.name ? wellFormed(bad) : String(fitting(x.schema));
            url = url.replace(`{${x.name}}`, encodeURIComponent(v));
          }
          const query = new URLSearchParams(baseQuery);
          if (t.where === 'query') query.set(t.field[0] ?? '', bad);
          const body = t.where === 'body' ? setAt(baseBody, t.field, bad) : baseBody;
          const full = query.size > 0 ? `${url}?${query}` : url;
          const hasBody = method !== 'get' && method !== 'delete' && body !== undefined;
          const res = await p.app.inject({
            method: method.toUpperCase() as 'GET',
            url: full,
            headers: { ...(s ? s.headers(method !== 'get') : {}), ...(hasBody ? { 'content-type': 'application/json' } : {}) },
            ...(hasBody ? { payload: JSON.stringify(body) } : {}),
          });
          calls++;
          if (res.statusCode >= 500)
            failures.push(
              `${name} ${t.where}.${t.field.join('.')}=${JSON.stringify(bad.slice(0, 8))} → ${res.statusCode} ${res.body.slice(0, 160)}`,
            );
        }
      }
    }
    expect(calls).toBeGreaterThan(300);
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
