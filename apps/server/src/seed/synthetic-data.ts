/**
 * Deterministic synthetic records for scale runs (`livehub seed --merchants N …`): merchants, MCNs, streamers and
 * products generated from an index, the same index always giving the same record. Fictional like the demo dataset
 * in `demo-data.ts`, whose districts and credit-code builder they share.
 */

import { CREDIT_CODE_ALPHABET } from '@livehub/core';
import {
  type DemoMcn,
  type DemoMerchant,
  type DemoProduct,
  type DemoStreamer,
  DISTRICTS,
  type DistrictInfo,
  makeCreditCode,
} from './demo-data.ts';

// ---------------------------------------------------------------------------------------------
// Deterministic helpers
// ---------------------------------------------------------------------------------------------

/** 32-bit integer finaliser (murmur3 fmix32 style). */
function fmix32(n: number): number {
  let x = n >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

/** Deterministic 32-bit hash of a non-negative safe integer and a salt. */
function hash(i: number, salt: number): number {
  const lo = i % 0x1_0000_0000;
  const hi = Math.floor(i / 0x1_0000_0000);
  return fmix32(lo ^ fmix32(hi + Math.imul(salt, 0x9e3779b9)));
}

function at<T>(arr: readonly T[], index: number): T {
  const v = arr[index];
  if (v === undefined) throw new Error(`index ${index} out of range (length ${arr.length})`);
  return v;
}

function pick<T>(arr: readonly T[], i: number, salt: number): T {
  return at(arr, hash(i, salt) % arr.length);
}

function checkIndex(i: number): void {
  if (!Number.isSafeInteger(i) || i < 0) throw new RangeError(`i must be a non-negative integer, got ${i}`);
}

function checkCount(name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`${name} must be a positive integer, got ${n}`);
}

/** Bijective scramble of i mod n (mult must be coprime with n). */
function permute(i: number, n: number, mult: number, offset: number): number {
  return ((i % n) * mult + offset) % n;
}

/** Synthetic records lean towards Shanghai (about 2/3) with the rest in Chengdu. */
function syntheticDistrict(i: number, salt: number): DistrictInfo {
  const sh = DISTRICTS.filter((d) => d.city === '上海');
  const cd = DISTRICTS.filter((d) => d.city === '成都');
  return hash(i, salt) % 3 === 2 ? pick(cd, i, salt + 1) : pick(sh, i, salt + 1);
}

// 字号 = FIRST + SECOND (disjoint sets, so no doubled characters)
const TRADE_FIRST = [
  '嘉',
  '恒',
  '瑞',
  '鑫',
  '华',
  '润',
  '禾',
  '锦',
  '悦',
  '盛',
  '宏',
  '泰',
  '博',
  '卓',
  '优',
  '星',
  '云',
  '金',
  '天',
  '新',
  '诚',
  '美',
  '佳',
  '德',
  '富',
  '聚',
  '康',
  '益',
  '安',
  '永',
] as const;
const TRADE_SECOND = [
  '汇',
  '达',
  '丰',
  '通',
  '源',
  '兴',
  '邦',
  '辉',
  '宸',
  '业',
  '隆',
  '顺',
  '翔',
  '睿',
  '越',
  '途',
  '合',
  '航',
  '腾',
  '信',
  '尚',
  '品',
  '域',
  '晟',
  '蓝',
  '川',
  '元',
  '森',
  '沐',
  '雅',
] as const;

interface Industry {
  word: string;
  category: string;
}

const INDUSTRIES: readonly Industry[] = [
  { word: '服饰', category: '服饰' },
  { word: '服装', category: '服饰' },
  { word: '针织', category: '服饰' },
  { word: '化妆品', category: '美妆' },
  { word: '生物科技', category: '美妆' },
  { word: '美容用品', category: '美妆' },
  { word: '食品', category: '食品' },
  { word: '调味品', category: '食品' },
  { word: '茶业', category: '食品' },
  { word: '农业科技', category: '农产品' },
  { word: '生态农业', category: '农产品' },
  { word: '农产品供应链', category: '农产品' },
  { word: '家居用品', category: '家居' },
  { word: '家纺', category: '家居' },
  { word: '电子科技', category: '数码' },
  { word: '智能科技', category: '数码' },
  { word: '母婴用品', category: '母婴' },
  { word: '婴童用品', category: '母婴' },
  { word: '工艺品', category: '非遗手工艺' },
  { word: '文化创意', category: '非遗手工艺' },
];

/** Number of distinct synthetic merchant names before a 分公司 suffix is needed. */
const MERCHANT_NAME_SPACE = TRADE_FIRST.length * TRADE_SECOND.length * INDUSTRIES.length; // 18000
/** 31^5: distinct 主体标识码 tails for synthetic merchants. */
const ORG_TAIL_SPACE = 31 ** 5;

function base31(n: number, width: number): string {
  let s = '';
  let x = n;
  for (let k = 0; k < width; k++) {
    s = CREDIT_CODE_ALPHABET.charAt(x % 31) + s;
    x = Math.floor(x / 31);
  }
  return s;
}

function tradeName(p: number): string {
  const b = p % TRADE_SECOND.length;
  const a = Math.floor(p / TRADE_SECOND.length) % TRADE_FIRST.length;
  return at(TRADE_FIRST, a) + at(TRADE_SECOND, b);
}

// ---------------------------------------------------------------------------------------------
// Synthetic generators
// ---------------------------------------------------------------------------------------------

/**
 * The i-th synthetic merchant, e.g. `上海瑞丰服饰有限公司`. Names are unique for
 * i < 18000 (字号 × 行业 space); beyond that a `第N分公司` suffix keeps them unique.
 * Credit codes are valid and unique for i < 31^5.
 */
export function syntheticMerchant(i: number): DemoMerchant {
  checkIndex(i);
  const p = permute(i, MERCHANT_NAME_SPACE, 7927, 4111);
  const industry = at(INDUSTRIES, p % INDUSTRIES.length);
  const trade = tradeName(Math.floor(p / INDUSTRIES.length));
  const d = syntheticDistrict(i, 11);
  const cycle = Math.floor(i / MERCHANT_NAME_SPACE);
  const suffix = cycle > 0 ? `第${cycle + 1}分公司` : '';
  const name = `${d.city}${trade}${industry.word}有限公司${suffix}`;
  const tail = permute(i, ORG_TAIL_SPACE, 1_000_003, 777_777);
  const creditCode = makeCreditCode(d.division, `MA${d.city === '上海' ? '1' : '6'}${base31(tail, 5)}`);
  return { name, district: d.district, category: industry.category, creditCode };
}

const MCN_SUFFIXES = ['文化传媒', '网络科技', '文化传播', '电子商务', '数字科技', '传媒'] as const;
const MCN_NAME_SPACE = TRADE_FIRST.length * TRADE_SECOND.length * MCN_SUFFIXES.length; // 5400

/** The i-th synthetic MCN agency, e.g. `成都星途文化传媒有限公司`, assigned round-robin to bases. */
export function syntheticMcn(i: number, baseCount: number): DemoMcn {
  checkIndex(i);
  checkCount('baseCount', baseCount);
  const p = permute(i, MCN_NAME_SPACE, 4999, 1234);
  const suffix = at(MCN_SUFFIXES, p % MCN_SUFFIXES.length);
  const trade = tradeName(Math.floor(p / MCN_SUFFIXES.length));
  const d = syntheticDistrict(i, 23);
  const cycle = Math.floor(i / MCN_NAME_SPACE);
  const branch = cycle > 0 ? `第${cycle + 1}分公司` : '';
  return { name: `${d.city}${trade}${suffix}有限公司${branch}`, district: d.district, baseIndex: i % baseCount };
}

const STREAMER_NICKS = [
  '小鹿',
  '阿杰',
  '糖糖',
  '橙子',
  '木子',
  '七七',
  '阿宁',
  '小鱼',
  '豆豆',
  '晴天',
  '一一',
  '果果',
  '安安',
  '乐乐',
  '小北',
  '大白',
  '团团',
  '米粒',
  '可可',
  '阿蓉',
  '小满',
  '阿泽',
  '桃子',
  '老陈',
] as const;

interface TopicTheme {
  tails: readonly string[];
  topics: readonly string[];
}

const STREAMER_THEMES: readonly TopicTheme[] = [
  { tails: ['穿搭日记', '的衣橱', '爱穿搭'], topics: ['服饰', '穿搭', '通勤', '街拍'] },
  { tails: ['爱种草', '美妆课堂', '的化妆台'], topics: ['美妆', '护肤', '成分党', '彩妆'] },
  { tails: ['的厨房', '吃遍成都', '爱美食'], topics: ['食品', '美食', '川味', '探店'] },
  { tails: ['在果园', '助农直播间', '的田间地头'], topics: ['农产品', '助农', '产地直发', '生鲜'] },
  { tails: ['的家', '收纳好物', '居家日常'], topics: ['家居', '收纳', '好物分享'] },
  { tails: ['说数码', '测评室', '玩科技'], topics: ['数码', '测评', '智能家居'] },
  { tails: ['育儿经', '和宝宝', '的母婴好物'], topics: ['母婴', '育儿', '亲子'] },
  { tails: ['的手作坊', '说非遗', '匠心工坊'], topics: ['非遗手工艺', '文旅', '手作', '国潮'] },
];

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '邓',
  '冯',
  '曹',
] as const;
const GIVEN_NAMES = [
  '思雨',
  '雨桐',
  '梓涵',
  '欣怡',
  '佳琪',
  '诗涵',
  '静雯',
  '晓萌',
  '一诺',
  '若溪',
  '子涵',
  '语嫣',
  '梦瑶',
  '可馨',
  '晨曦',
  '婉清',
  '浩然',
  '宇轩',
  '子墨',
  '俊杰',
  '明轩',
  '博文',
  '天佑',
  '皓宇',
  '志强',
  '建华',
  '文涛',
  '嘉豪',
  '逸凡',
  '泽宇',
  '晓东',
  '振宇',
  '海峰',
  '凯文',
  '书瑶',
  '雅琴',
  '丽娟',
  '秀英',
  '婷婷',
  '欢',
] as const;

const VIRTUAL_PREFIXES = ['数字人', '虚拟主播'] as const;
const VIRTUAL_NAMES = ['星瞳', '蓉宝', '小禾', '悠悠', '灵犀', '嘉嘉', '沐光', '芊芊'] as const;

/** Flattened (theme, tail) pairs so every non-virtual display name maps to one theme. */
const STREAMER_TAILS: readonly { theme: TopicTheme; tail: string }[] = STREAMER_THEMES.flatMap((theme) =>
  theme.tails.map((tail) => ({ theme, tail })),
);
/** Distinct non-virtual display names before a numeric suffix is appended (24 × 24 = 576). */
const STREAMER_NAME_SPACE = STREAMER_NICKS.length * STREAMER_TAILS.length;

/**
 * The i-th synthetic streamer, attached round-robin to one of `mcnCount` MCNs.
 * About 1 in 12 is a virtual digital human. Display names are unique per i
 * (e.g. `糖糖爱种草`, then `糖糖爱种草2` … in later cycles; `数字人星瞳·137` for virtual ones).
 * Followers follow a rough long-tail distribution (mostly 1k–100k, a few in the millions).
 */
export function syntheticStreamer(i: number, mcnCount: number): DemoStreamer {
  checkIndex(i);
  checkCount('mcnCount', mcnCount);
  const p = permute(i, STREAMER_NAME_SPACE, 337, 101);
  const nick = at(STREAMER_NICKS, p % STREAMER_NICKS.length);
  const { theme, tail } = at(STREAMER_TAILS, Math.floor(p / STREAMER_NICKS.length));
  const virtual = hash(i, 37) % 12 === 0;
  const realName = pick(SURNAMES, i, 41) + pick(GIVEN_NAMES, i, 43);

  const cycle = Math.floor(i / STREAMER_NAME_SPACE);
  const displayName = virtual
    ? `${pick(VIRTUAL_PREFIXES, i, 47)}${pick(VIRTUAL_NAMES, i, 53)}·${i}`
    : `${nick}${tail}${cycle > 0 ? String(cycle + 1) : ''}`;

  const first = at(theme.topics, 0);
  const second = pick(theme.topics.slice(1), i, 67);
  const topics = hash(i, 71) % 2 === 0 ? [first, second] : [first];

  // long tail: 10^(3 + 3.5·u²) → 1,000 … ~3,160,000
  const u = (hash(i, 73) % 10_000) / 10_000;
  const followers = Math.round(10 ** (3 + 3.5 * u * u));

  return { displayName, realName, mcnIndex: i % mcnCount, topics, followers, virtual };
}

interface ProductTemplate {
  name: string;
  specs: readonly string[];
  minYuan: number;
  maxYuan: number;
}

const PRODUCT_CATALOG: Readonly<Record<string, { items: readonly ProductTemplate[]; tags: readonly string[] }>> = {
  服饰: {
    items: [
      { name: '纯棉圆领短袖T恤', specs: ['男女同款', '宽松版型', '重磅230g'], minYuan: 39, maxYuan: 99 },
      { name: '冰丝阔腿裤', specs: ['女款九分', '高腰垂感', '直筒宽松'], minYuan: 59, maxYuan: 139 },
      { name: '羊毛混纺针织开衫', specs: ['V领', '圆领', '短款'], minYuan: 199, maxYuan: 459 },
      { name: '防晒连帽外套', specs: ['UPF50+', '冰感面料', '轻薄透气'], minYuan: 89, maxYuan: 199 },
      { name: '高腰直筒牛仔裤', specs: ['弹力修身', '微喇版型', '九分款'], minYuan: 129, maxYuan: 299 },
      { name: '加绒连帽卫衣', specs: ['男女同款', '宽松落肩', '国潮印花'], minYuan: 99, maxYuan: 229 },
    ],
    tags: ['黑色 M码', '白色 L码', '燕麦色 均码', '藏青 XL码', '雾霾蓝 S码', '卡其色 L码'],
  },
  美妆: {
    items: [
      { name: '玻尿酸补水保湿面膜', specs: ['25ml×10片', '25ml×5片', '30ml×20片'], minYuan: 49, maxYuan: 129 },
      { name: '烟酰胺焕亮精华液', specs: ['30ml', '50ml', '15ml旅行装'], minYuan: 99, maxYuan: 299 },
      { name: '氨基酸温和洁面乳', specs: ['120g', '100g', '200g家庭装'], minYuan: 39, maxYuan: 89 },
      { name: '神经酰胺修护面霜', specs: ['50g', '30g', '50g×2'], minYuan: 129, maxYuan: 359 },
      { name: '清透防晒乳 SPF50+', specs: ['50ml', '30ml', '90ml'], minYuan: 79, maxYuan: 169 },
      { name: '丝绒雾面口红', specs: ['3.5g #316', '3.5g #888', '3.5g #520'], minYuan: 79, maxYuan: 199 },
    ],
    tags: ['敏感肌可用', '清爽型', '滋润型', '礼盒装', '官方正品', '新品首发'],
  },
  食品: {
    items: [
      { name: '牛油火锅底料', specs: ['500g', '150g×4袋', '1kg'], minYuan: 19, maxYuan: 59 },
      { name: '手撕牛肉干', specs: ['五香味 200g', '麻辣味 200g', '原味 250g'], minYuan: 39, maxYuan: 89 },
      { name: '冷吃兔', specs: ['麻辣味 250g', '藤椒味 250g', '500g家庭装'], minYuan: 35, maxYuan: 79 },
      { name: '红油钵钵鸡调料', specs: ['320g×2袋', '500g', '160g×5袋'], minYuan: 19, maxYuan: 45 },
      { name: '高山云雾绿茶', specs: ['100g 罐装', '250g 袋装', '50g×4 礼盒'], minYuan: 68, maxYuan: 288 },
      { name: '手工红糖糍粑', specs: ['500g', '1kg', '300g×3袋'], minYuan: 19, maxYuan: 49 },
    ],
    tags: ['四川风味', '地道川味', '独立小包装', '办公室零食', '家庭装', '现货速发'],
  },
  农产品: {
    items: [
      { name: '盐池滩羊 羊排', specs: ['2.5kg', '1.5kg', '5kg整扇'], minYuan: 199, maxYuan: 599 },
      { name: '滩羊肉卷 火锅涮肉', specs: ['500g×4盒', '250g×6盒', '1kg×2盒'], minYuan: 129, maxYuan: 299 },
      { name: '蒲江红心猕猴桃', specs: ['24枚装', '12枚礼盒', '5斤装'], minYuan: 39, maxYuan: 99 },
      { name: '金艳黄心猕猴桃', specs: ['12枚礼盒', '18枚装', '5斤装'], minYuan: 49, maxYuan: 109 },
      { name: '不知火丑橘', specs: ['5斤装', '9斤装', '3斤尝鲜装'], minYuan: 29, maxYuan: 79 },
      { name: '稻花香大米', specs: ['5kg', '10kg', '2.5kg×2袋'], minYuan: 49, maxYuan: 129 },
    ],
    tags: ['产地直发', '现摘现发', '助农特惠', '冷链配送', '当季新鲜', '坏果包赔'],
  },
  家居: {
    items: [
      { name: '316不锈钢保温杯', specs: ['500ml', '380ml', '750ml'], minYuan: 59, maxYuan: 159 },
      { name: 'A类纯棉四件套', specs: ['1.5m床', '1.8m床', '2.0m床'], minYuan: 199, maxYuan: 499 },
      { name: '记忆棉护颈枕', specs: ['成人款', '慢回弹', '蝶形'], minYuan: 79, maxYuan: 199 },
      { name: '可折叠收纳箱', specs: ['大号3只装', '中号4只装', '特大号2只装'], minYuan: 39, maxYuan: 99 },
      { name: '天然乳胶床垫', specs: ['1.5×2m 厚5cm', '1.8×2m 厚5cm', '1.8×2m 厚10cm'], minYuan: 599, maxYuan: 1999 },
      { name: '硅藻泥吸水地垫', specs: ['40×60cm', '45×75cm', '2片装'], minYuan: 29, maxYuan: 69 },
    ],
    tags: ['商务款', '简约北欧风', '奶油白', '燕麦色', '家用', '礼盒装'],
  },
  数码: {
    items: [
      { name: '主动降噪蓝牙耳机', specs: ['入耳式', '半入耳式', '头戴式'], minYuan: 129, maxYuan: 599 },
      { name: '氮化镓充电器', specs: ['65W 三口', '30W 单口', '100W 四口'], minYuan: 59, maxYuan: 199 },
      { name: '移动电源', specs: ['10000mAh', '20000mAh', '磁吸 5000mAh'], minYuan: 79, maxYuan: 199 },
      { name: '智能手表', specs: ['1.43英寸AMOLED', '血氧心率监测', '14天续航'], minYuan: 299, maxYuan: 999 },
      { name: '机械键盘', specs: ['87键 茶轴', '104键 红轴', '68键 三模'], minYuan: 159, maxYuan: 499 },
      { name: '便携式显示器', specs: ['15.6英寸', '16英寸 2.5K', '14英寸触控'], minYuan: 599, maxYuan: 1599 },
    ],
    tags: ['Type-C', '快充', '黑色', '白色', '轻薄款', '官方标配'],
  },
  母婴: {
    items: [
      { name: '婴儿纸尿裤', specs: ['M码 64片', 'L码 52片', 'XL码 44片'], minYuan: 79, maxYuan: 159 },
      { name: '新生儿纯棉连体衣', specs: ['59cm 两件装', '66cm 两件装', '73cm 三件装'], minYuan: 59, maxYuan: 139 },
      { name: '宝宝洗护二合一沐浴露', specs: ['400ml', '250ml', '400ml×2'], minYuan: 39, maxYuan: 89 },
      { name: '婴儿推车', specs: ['轻便可坐可躺', '高景观双向', '一键收车'], minYuan: 499, maxYuan: 1599 },
      { name: '儿童保温饭盒', specs: ['316不锈钢 带餐具', '三层大容量', '可微波内胆'], minYuan: 69, maxYuan: 159 },
      { name: '婴儿湿巾', specs: ['80抽×6包', '手口专用 20抽×10包', '80抽×12包'], minYuan: 29, maxYuan: 69 },
    ],
    tags: ['A类', '无荧光剂', '新生儿可用', '超薄透气', '宝妈推荐', '婴童适用'],
  },
  非遗手工艺: {
    items: [
      { name: '嘉定竹刻 留青笔筒', specs: ['山水纹', '花鸟纹', '诗文款'], minYuan: 680, maxYuan: 2800 },
      { name: '竹刻书签', specs: ['梅兰竹菊 4枚', '二十四节气 6枚', '山水 2枚'], minYuan: 88, maxYuan: 268 },
      { name: '蜀绣团扇', specs: ['熊猫 双面绣', '芙蓉花', '锦鲤'], minYuan: 288, maxYuan: 888 },
      { name: '蜀锦真丝丝巾', specs: ['90×90cm', '53×53cm', '长巾 180×50cm'], minYuan: 198, maxYuan: 568 },
      { name: '瓷胎竹编 品茗杯', specs: ['单只', '两只对杯', '四只套装'], minYuan: 198, maxYuan: 688 },
      { name: '手工漆器首饰盒', specs: ['小号', '中号', '双层'], minYuan: 388, maxYuan: 1280 },
    ],
    tags: ['手工制作', '非遗传承人监制', '礼盒装', '附收藏证书', '国潮文创', '限量款'],
  },
};

/**
 * The i-th synthetic product, assigned round-robin to `merchantCount` merchants. Its category
 * matches `syntheticMerchant(merchantIndex).category`, so synthetic products line up with
 * synthetic merchants. Prices are whole-yuan amounts ending in 9 (or 8 for 非遗), in fen.
 */
export function syntheticProduct(i: number, merchantCount: number): DemoProduct {
  checkIndex(i);
  checkCount('merchantCount', merchantCount);
  const merchantIndex = i % merchantCount;
  const category = syntheticMerchant(merchantIndex).category;
  const catalog = PRODUCT_CATALOG[category];
  if (catalog === undefined) throw new Error(`no catalog for category ${category}`);
  const item = pick(catalog.items, i, 83);
  const spec = pick(item.specs, i, 89);
  const tag = pick(catalog.tags, i, 97);
  const title = `${item.name} ${spec} ${tag}`;

  const span = item.maxYuan - item.minYuan;
  const raw = item.minYuan + (hash(i, 101) % (span + 1));
  const ending = category === '非遗手工艺' ? 8 : 9;
  let yuan = raw - (raw % 10) + ending;
  if (yuan > item.maxYuan) yuan -= 10;
  if (yuan < item.minYuan) yuan = item.minYuan;
  const priceFen = yuan * 100;

  // pricier goods get less stock: roughly 20 … 5000
  const maxStock = Math.max(20, Math.round(300_000 / Math.max(yuan, 1)));
  const stock = 10 + (hash(i, 103) % Math.min(maxStock, 5000));

  return { merchantIndex, title, category, priceFen, stock };
}
