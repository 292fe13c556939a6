import { loadDefaultPack, ScreeningEngine } from '@livehub/compliance';
import { syntheticDocuments, syntheticTerms } from './bench/lib/chinese-text.ts';
const terms = syntheticTerms(20000);
const base = loadDefaultPack();
const engine = ScreeningEngine.compile({ ...base, rules: [...base.rules, { ...base.rules[0]!, id: 'BEN-001', terms, variants: false, exemptions: [] }] });
const docs = syntheticDocuments(10 * 1024 * 1024, 1000, terms.slice(0, 2000));
const chars = docs.reduce((n, d) => n + d.length, 0);
for (let k = 0; k < 6; k++) { const s = performance.now(); for (const d of docs) engine.screen({ text: d }); console.log((chars / (performance.now() - s) / 1000).toFixed(1), 'M chars/s'); }
