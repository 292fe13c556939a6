/** The rule pack shipped in rules/default-pack.json, validated and compiled once on first use. */
import raw from '../rules/default-pack.json' with { type: 'json' };
import { ScreeningEngine } from './engine.ts';
import { parseRulePack, type RulePack } from './rule-pack.ts';

let pack: RulePack | null = null;
let engine: ScreeningEngine | null = null;

export function loadDefaultPack(): RulePack {
  pack ??= parseRulePack(raw);
  return pack;
}

export function defaultEngine(): ScreeningEngine {
  engine ??= ScreeningEngine.compile(loadDefaultPack());
  return engine;
}
