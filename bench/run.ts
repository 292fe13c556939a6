/**
 * `npm run bench -- <name> [--json]`: runs bench/<name>.bench.ts. Each benchmark prints its human report on
 * stderr and one JSON object as the last line of stdout; `--json` also writes it to bench/results/<name>.json.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = new URL('.', import.meta.url).pathname;
const [name, ...rest] = process.argv.slice(2);
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''));
if (!name || !available.includes(name)) {
  process.stderr.write(`usage: npm run bench -- <${available.join('|')}> [--json]\n`);
  process.exit(2);
}
const mod = (await import(join(dir, `${name}.bench.ts`))) as { run(args: string[]): Promise<Record<string, unknown>> };
const result = { name, at: new Date().toISOString(), node: process.version, ...(await mod.run(rest)) };
if (rest.includes('--json')) writeFileSync(join(dir, 'results', `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result)}\n`);
