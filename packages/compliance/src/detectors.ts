/**
 * Pattern detectors: what a dictionary cannot express. Each runs on the normalized text (digits already Arabic,
 * symbols removed, lower case) and reports spans in normalized units; the engine maps them back.
 */
import type { DetectorName } from './rule-pack.ts';

export interface ProductCard {
  priceFen?: number;
  /** the struck-through "original" price shown next to the price */
  referencePriceFen?: number;
  /** lowest actual transaction price over the previous 7 days (catalog price history) */
  lowest7dPriceFen?: number;
  /** value claimed for a gift, and the gift's own current selling price */
  giftValueFen?: number;
  giftCurrentPriceFen?: number;
  /** stock left for the product on sale now */
  stockLeft?: number;
}

export interface DetectorContext {
  /** the normalized text; the engine makes the string on first read */
  readonly text: string;
  /** longest run of consecutive digits: a phone number needs 11 */
  maxDigitRun: number;
  /** whether removed characters stood before the unit (Latin word boundaries) */
  gapBefore: (unit: number) => boolean;
  kind: string;
  productCategory: string | undefined;
  card: ProductCard | undefined;
  /**
   * Where this detector's anchor words occurred, as start/end pairs in normalized units. A detector whose matches
   * start at an anchor tries only there; one whose matches end at an anchor searches only a short window before it.
   * Absent: the whole text is searched.
   */
  anchors?: readonly number[];
}

export interface DetectorHit {
  start: number;
  end: number;
}

const PHONE = /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g;
const CONTACT_CUE = '(?:微信号?|weixin|vx|wx|v信|薇信|威信|维信|加微|加v|qq号?|扣扣号?|企鹅号?|抖音号|快手号|小红书号|联系方式|v)';
const CONTACT_ID = new RegExp(`${CONTACT_CUE}(?:是|为|号码|号|id)?([a-z][a-z0-9]{4,19}|[0-9]{5,12})`, 'g');
const N_DAYS =
  /([0-9]+|[十半百]+)(?:个)?(?:天|日|周|星期|个月|月|疗程)(?:内|之内)?(?:就|即可|就能|就会|能|可|保证|包)?(?:见效|瘦|掉|根治|治愈|痊愈|美白|变白|白|祛斑|淡斑|长高|去皱|断根|好转|康复|降|生发|长发|丰胸)/g;
const PERCENT = /(?:100%|百分之百|百分百|100个好|十足)(?:的)?(?:有效|见效|治愈|根治|安全|无副作用|管用|治好|成功|瘦|美白|祛斑|生发)/g;
// 波 is left out: 最后一波福袋 is a giveaway round, not a stock claim.
const UNITS = '单|件|份|套|组|瓶|盒|箱|台|双|包|袋|罐|支|批|饼|斤|只|条|提|张|本|把';
const COUNT = '([0-9]+|[0-9]*十[0-9]*|几|两)';
// 最后一个 is everyday speech (最后一个问题), so after 最后 the unit 个 does not count; after 仅剩/只剩 it does.
const SCARCITY = new RegExp(`(?:(?:最后|剩最后)${COUNT}(?:${UNITS})|(?:仅剩|只剩|仅有|只有|还剩|剩下)${COUNT}(?:${UNITS}|个))`, 'g');
const isLatin = (ch: string | undefined) => ch !== undefined && ch >= 'a' && ch <= 'z';
const DISCLAIMER = '本品不能代替药物';
// Health-food copy that promotes a function is advertising and must carry the disclaimer; a bare price card is not.
const FUNCTION_CLAIM =
  /增强|提高|改善|调节|缓解|辅助|帮助|有助于|促进|降低|保护|免疫|睡眠|记忆|疲劳|功效|作用|补充|调理|养护|呵护|滋补|养生|抗氧化/;

/**
 * Words without which a detector cannot match. The engine puts them in its automaton and runs a detector's regular
 * expression only on text where one of them occurred, so clean text pays nothing for detectors. `null`: always run
 * (the structured checks cost nothing; the phone detector is gated on a run of digits instead).
 */
const EFFECT_WORDS = [
  '见效',
  '根治',
  '治愈',
  '痊愈',
  '美白',
  '变白',
  '祛斑',
  '淡斑',
  '长高',
  '去皱',
  '断根',
  '好转',
  '康复',
  '生发',
  '长发',
  '丰胸',
];
const SHORT_EFFECTS = ['瘦', '掉', '降', '白'];
const TIME_UNITS = ['天', '日', '周', '星期', '月', '疗程'];
// what N_DAYS allows between the time unit and the effect: every match then ends with an anchor
const WITHIN = ['', '内', '之内'];
const LINKS = ['', '就', '即可', '就能', '就会', '能', '可', '保证', '包'];
export const DETECTOR_ANCHORS: Record<DetectorName, readonly string[] | null> = {
  phone_number: null,
  contact_id: [
    '微信',
    'weixin',
    'vx',
    'wx',
    'v信',
    '薇信',
    '威信',
    '维信',
    '加微',
    '加v',
    'qq',
    '扣扣',
    '企鹅',
    '抖音号',
    '快手号',
    '小红书号',
    '联系方式',
    'v',
  ],
  n_days_effect: [
    ...EFFECT_WORDS,
    ...TIME_UNITS.flatMap((u) => WITHIN.flatMap((w) => LINKS.flatMap((l) => SHORT_EFFECTS.map((e) => `${u}${w}${l}${e}`)))),
  ],
  percent_effective: ['100%', '百分之百', '百分百', '100个好', '十足'],
  scarcity_claim: ['最后', '剩最后', '仅剩', '只剩', '仅有', '只有', '还剩', '剩下'],
  reference_price: null,
  gift_value: null,
  health_food_disclaimer: null,
};

/** The same expressions, tried at one position only (matches that start at an anchor). */
const CONTACT_ID_AT = new RegExp(CONTACT_ID.source, 'y');
const PERCENT_AT = new RegExp(PERCENT.source, 'y');
const SCARCITY_AT = new RegExp(SCARCITY.source, 'y');
/** N_DAYS before its number: 个 + a unit + 之内 + a link + an effect is at most 9 units; the number is walked back over */
const N_DAYS_REACH = 10;

/**
 * Matches of `re` that start where an anchor starts, without overlaps (like a global search: every match of these
 * expressions starts with an anchor word, so no other position can match). `sticky` is `re` with the y flag.
 */
function* matchesAtAnchors(re: RegExp, sticky: RegExp, text: string, anchors: readonly number[] | undefined): Generator<RegExpExecArray> {
  if (!anchors) {
    yield* matches(re, text);
    return;
  }
  const starts: number[] = [];
  for (let i = 0; i < anchors.length; i += 2) starts.push(anchors[i] as number);
  starts.sort((a, b) => a - b);
  let free = 0;
  for (const at of starts) {
    if (at < free) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (!m) continue;
    free = at + Math.max(1, m[0].length);
    yield m;
  }
}

/** Matches of N_DAYS, searched only in windows that end where an anchor (an effect word) ends. */
function* nDaysMatches(text: string, anchors: readonly number[] | undefined): Generator<{ index: number; length: number }> {
  if (!anchors) {
    for (const m of matches(N_DAYS, text)) yield { index: m.index, length: m[0].length };
    return;
  }
  const windows: Array<[number, number]> = [];
  for (let i = 0; i < anchors.length; i += 2) {
    const end = anchors[i + 1] as number;
    let start = Math.max(0, (anchors[i] as number) - N_DAYS_REACH);
    while (start > 0 && /[0-9十半百]/.test(text[start - 1] as string)) start--;
    windows.push([start, end]);
  }
  windows.sort((a, b) => a[0] - b[0]);
  let from = 0;
  let to = -1;
  const flush = function* () {
    if (to < 0) return;
    for (const m of matches(N_DAYS, text.slice(from, to))) yield { index: from + m.index, length: m[0].length };
  };
  for (const [s, e] of windows) {
    if (to >= 0 && s <= to) {
      if (e > to) to = e;
      continue;
    }
    yield* flush();
    from = s;
    to = e;
  }
  yield* flush();
}

function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    yield m;
    if (m[0].length === 0) re.lastIndex++;
  }
}

export function runDetector(name: DetectorName, ctx: DetectorContext): DetectorHit[] {
  // the text is read only past each detector's cheap checks: the engine makes the string on first use
  const out: DetectorHit[] = [];
  switch (name) {
    case 'phone_number':
      if (ctx.maxDigitRun < 11) return out;
      for (const m of matches(PHONE, ctx.text)) out.push({ start: m.index, end: m.index + m[0].length });
      return out;
    case 'contact_id': {
      const text = ctx.text;
      for (const m of matchesAtAnchors(CONTACT_ID, CONTACT_ID_AT, text, ctx.anchors)) {
        // An 11-digit mobile is the phone detector's; an id must carry something beyond a price or a count.
        const id = m[1] ?? '';
        if (/^1[3-9][0-9]{9}$/.test(id)) continue;
        // A Latin cue must stand as its own word, and a Latin id must be set apart from it ("vx lily88", not "vxe…").
        const idStart = m.index + m[0].length - id.length;
        // A bare "v" is a cue only as its own word, set apart from an id that carries digits: "ｖ❤：lily８８８８".
        if (m[0].startsWith('v') && !/^v(?:x|信)/.test(m[0]) && (!ctx.gapBefore(idStart) || !/[0-9]/.test(id) || idStart !== m.index + 1))
          continue;
        if (isLatin(text[m.index]) && m.index > 0 && isLatin(text[m.index - 1]) && !ctx.gapBefore(m.index)) continue;
        if (isLatin(text[idStart]) && isLatin(text[idStart - 1]) && !ctx.gapBefore(idStart)) continue;
        out.push({ start: m.index, end: m.index + m[0].length });
      }
      return out;
    }
    case 'n_days_effect':
      for (const m of nDaysMatches(ctx.text, ctx.anchors)) out.push({ start: m.index, end: m.index + m.length });
      return out;
    case 'percent_effective':
      for (const m of matchesAtAnchors(PERCENT, PERCENT_AT, ctx.text, ctx.anchors))
        out.push({ start: m.index, end: m.index + m[0].length });
      return out;
    case 'scarcity_claim': {
      const stock = ctx.card?.stockLeft;
      for (const m of matchesAtAnchors(SCARCITY, SCARCITY_AT, ctx.text, ctx.anchors)) {
        const raw = m[1] ?? m[2] ?? '';
        const claimed = raw === '几' ? 5 : raw === '两' ? 2 : raw.includes('十') ? chineseTens(raw) : Number(raw);
        // A true claim is lawful: with stock data, only stock well above the claim is false scarcity.
        if (stock !== undefined && stock <= Math.max(claimed * 2, claimed + 5)) continue;
        out.push({ start: m.index, end: m.index + m[0].length });
      }
      return out;
    }
    case 'reference_price': {
      const c = ctx.card;
      if (!c || c.referencePriceFen === undefined || c.lowest7dPriceFen === undefined) return out;
      if (c.referencePriceFen > c.lowest7dPriceFen) {
        out.push(spanOf(ctx.text, ['原价', '划线价', '吊牌价', '专柜价', '日常价', '市场价']));
      }
      return out;
    }
    case 'gift_value': {
      const c = ctx.card;
      if (!c || c.giftValueFen === undefined || c.giftCurrentPriceFen === undefined) return out;
      if (c.giftValueFen > c.giftCurrentPriceFen) {
        out.push(spanOf(ctx.text, ['赠品', '价值', '送']));
      }
      return out;
    }
    case 'health_food_disclaimer': {
      if (ctx.productCategory !== 'health_food' || ctx.kind !== 'product_copy' || ctx.text.includes(DISCLAIMER)) return out;
      const m = FUNCTION_CLAIM.exec(ctx.text);
      if (m) out.push({ start: m.index, end: m.index + m[0].length });
      return out;
    }
    default: {
      const never: never = name;
      throw new Error(`unknown detector ${String(never)}`);
    }
  }
}

/** 十 → 10, 十二 → 12, 2十 → 20, 3十5 → 35 (digits are already Arabic after normalization). */
function chineseTens(raw: string): number {
  const [tens, ones] = raw.split('十');
  return (tens ? Number(tens) : 1) * 10 + (ones ? Number(ones) : 0);
}

/** The span of the first cue word present, else the whole text. */
function spanOf(text: string, cues: string[]): { start: number; end: number } {
  for (const cue of cues) {
    const i = text.indexOf(cue);
    if (i >= 0) return { start: i, end: i + cue.length };
  }
  return { start: 0, end: text.length };
}
