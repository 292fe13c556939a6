import { loadDefaultPack, ScreeningEngine } from '@livehub/compliance';
import { syntheticDocuments, syntheticTerms } from './bench/lib/chinese-text.ts';
const terms = syntheticTerms(20000);
const base = loadDefaultPack();
const docs = syntheticDocuments(10 * 1024 * 1024, 1000, terms.slice(0, 2000));
const chars = docs.reduce((n, d) => n + d.length, 0);
const t = (label: string, engine: ScreeningEngine) => { for (const d of docs) engine.screen({ text: d }); const s = performance.now(); for (let k=0;k<2;k++) for (const d of docs) engine.screen({ text: d }); console.log(label, (2*chars / (performance.now() - s) / 1000).toFixed(1), 'M chars/s', engine.stats.patterns); };
t('full', ScreeningEngine.compile({ ...base, rules: [...base.rules, { ...base.rules[0]!, id: 'BEN-001', terms, variants: false, exemptions: [] }] }));
t('no planted hits dictionary 2k', ScreeningEngine.compile({ ...base, rules: [...base.rules, { ...base.rules[0]!, id: 'BEN-001', terms: terms.slice(2000), variants: false, exemptions: [] }] }));
