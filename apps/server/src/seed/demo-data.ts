/**
 * Static demo dataset for `livehub seed`, plus deterministic synthetic generators for scale runs.
 *
 * Everything here is fictional: company names, people's names, 网名 and addresses are invented
 * for demonstration (district names and 行政区划码 are real so that credit codes are well formed).
 *
 * Pure TypeScript: no I/O, no randomness — the same input always yields the same output. The check characters of the
 * codes come from the registry's own rules (`@livehub/core`), the ones admission validates against; the synthetic
 * generators for scale runs are in `synthetic-data.ts`.
 */

import { creditCodeCheckChar, orgCodeCheckChar } from '@livehub/core';

export { creditCodeCheckChar };

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

export interface DemoRegulator {
  name: string;
  district: string;
  departments: { code: string; name: string }[];
}

export interface DemoBase {
  name: string;
  district: string;
  address: string;
  areaM2: number;
  focus: string;
}

export interface DemoMcn {
  name: string;
  district: string;
  /** index into DEMO_BASES (or into the caller's base list for synthetic MCNs) */
  baseIndex: number;
}

export interface DemoMerchant {
  name: string;
  district: string;
  category: string;
  /** valid 统一社会信用代码 per GB 32100-2015 check character */
  creditCode: string;
}

export interface DemoStreamer {
  displayName: string;
  /**
   * Legal name of the streamer. For virtual digital humans this is the natural person
   * responsible for operating / voicing the avatar (运营责任人), as platform rules require.
   */
  realName: string;
  mcnIndex: number;
  topics: string[];
  followers: number;
  virtual: boolean;
}

export interface DemoProduct {
  merchantIndex: number;
  title: string;
  category: string;
  /** price in integer fen (1 元 = 100 分) */
  priceFen: number;
  stock: number;
  /** 跨境电商零售进口: the declaration the merchant files on the product form (absent: a domestic product) */
  crossBorder?: { declaredValueFen: number; originCountry: 'NZ'; importMode: '1210' | '9610' };
}

// ---------------------------------------------------------------------------------------------
// GB 32100-2015 统一社会信用代码 / GB 11714 组织机构代码
// ---------------------------------------------------------------------------------------------

const CREDIT_CODE_RE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** True iff `code` is 18 characters over the GB 32100 alphabet with a correct check character (no normalization). */
export function isValidCreditCode(code: string): boolean {
  if (typeof code !== 'string' || !CREDIT_CODE_RE.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code.charAt(17);
}

/**
 * Build a 统一社会信用代码 for an enterprise (登记管理部门 9 工商, 机构类别 1 企业).
 * `orgBody8` must consist of characters that are in both alphabets (digits, and letters other
 * than I O Z S V).
 */
export function makeCreditCode(divisionCode: string, orgBody8: string): string {
  if (!/^\d{6}$/.test(divisionCode)) throw new Error(`bad 行政区划码: ${divisionCode}`);
  const first17 = `91${divisionCode}${orgBody8}${orgCodeCheckChar(orgBody8)}`;
  return first17 + creditCodeCheckChar(first17);
}

// ---------------------------------------------------------------------------------------------
// Districts (real names and 行政区划码; everything located in them is fictional)
// ---------------------------------------------------------------------------------------------

export interface DistrictInfo {
  district: string;
  city: '上海' | '成都';
  division: string;
}

export const DISTRICTS: readonly DistrictInfo[] = [
  { district: '嘉定区', city: '上海', division: '310114' },
  { district: '浦东新区', city: '上海', division: '310115' },
  { district: '静安区', city: '上海', division: '310106' },
  { district: '闵行区', city: '上海', division: '310112' },
  { district: '松江区', city: '上海', division: '310117' },
  { district: '青浦区', city: '上海', division: '310118' },
  { district: '徐汇区', city: '上海', division: '310104' },
  { district: '长宁区', city: '上海', division: '310105' },
  { district: '普陀区', city: '上海', division: '310107' },
  { district: '杨浦区', city: '上海', division: '310110' },
  { district: '宝山区', city: '上海', division: '310113' },
  { district: '奉贤区', city: '上海', division: '310120' },
  { district: '锦江区', city: '成都', division: '510104' },
  { district: '青羊区', city: '成都', division: '510105' },
  { district: '金牛区', city: '成都', division: '510106' },
  { district: '武侯区', city: '成都', division: '510107' },
  { district: '成华区', city: '成都', division: '510108' },
  { district: '双流区', city: '成都', division: '510116' },
  { district: '郫都区', city: '成都', division: '510117' },
  { district: '蒲江县', city: '成都', division: '510131' },
];

function districtInfo(name: string): DistrictInfo {
  const d = DISTRICTS.find((x) => x.district === name);
  if (d === undefined) throw new Error(`unknown district: ${name}`);
  return d;
}

function merchant(name: string, district: string, category: string, orgBody8: string): DemoMerchant {
  return { name, district, category, creditCode: makeCreditCode(districtInfo(district).division, orgBody8) };
}

// ---------------------------------------------------------------------------------------------
// Static demo dataset
// ---------------------------------------------------------------------------------------------

export const DEMO_PLATFORM: { name: string } = { name: 'LiveHub 直播电商平台' };

export const DEMO_REGULATOR: DemoRegulator = {
  name: '嘉定区网络市场监管联合办公室',
  district: '嘉定区',
  departments: [
    { code: 'swc', name: '商务委' },
    { code: 'scjgj', name: '市场监管局' },
    { code: 'zscqj', name: '知识产权局' },
    { code: 'hg', name: '海关' },
    { code: 'wxb', name: '网信办' },
    { code: 'gaj', name: '公安分局' },
  ],
};

export const DEMO_BASES: DemoBase[] = [
  {
    name: '云嘉直播电商产业园',
    district: '嘉定区',
    address: '上海市嘉定区嘉松北路 6688 号',
    areaM2: 32000,
    focus: '服饰、美妆与家居品牌直播，主播孵化与供应链选品中心',
  },
  {
    name: '浦江数智直播基地',
    district: '浦东新区',
    address: '上海市浦东新区川沙路 2299 号',
    areaM2: 46000,
    focus: '数码家电、母婴及跨境进口商品直播（保税仓直发）',
  },
  {
    name: '蓉城天府直播电商基地',
    district: '锦江区',
    address: '四川省成都市锦江区东大街下东大街段 318 号',
    areaM2: 28000,
    focus: '川味食品、助农农产品与蜀绣等非遗手工艺直播',
  },
];

export const DEMO_MCNS: DemoMcn[] = [
  { name: '上海星禾文化传媒有限公司', district: '嘉定区', baseIndex: 0 },
  { name: '上海青柚网络科技有限公司', district: '嘉定区', baseIndex: 0 },
  { name: '上海浦岸数字传媒有限公司', district: '浦东新区', baseIndex: 1 },
  { name: '上海言拾文化传播有限公司', district: '静安区', baseIndex: 1 },
  { name: '成都蓉光文化传媒有限公司', district: '锦江区', baseIndex: 2 },
  { name: '成都巴适好物网络科技有限公司', district: '武侯区', baseIndex: 2 },
];

export const DEMO_MERCHANTS: DemoMerchant[] = [
  /* 0 */ merchant('上海嘉织服饰有限公司', '嘉定区', '服饰', '13452187'),
  /* 1 */ merchant('上海静澜时装有限公司', '静安区', '服饰', 'MA1FP3K2'),
  /* 2 */ merchant('上海澜肌生物科技有限公司', '浦东新区', '美妆', 'MA1HX7L0'),
  /* 3 */ merchant('上海沁颜化妆品有限公司', '奉贤区', '美妆', '60728843'),
  /* 4 */ merchant('成都川禾记食品有限公司', '郫都区', '食品', 'MA61Q4N8'),
  /* 5 */ merchant('上海禾塞农产品供应链有限公司', '嘉定区', '农产品', 'MA1K2T9D'),
  /* 6 */ merchant('成都蒲江果语农业科技有限公司', '蒲江县', '农产品', 'MA6CM5R1'),
  /* 7 */ merchant('上海栖木家居用品有限公司', '青浦区', '家居', '58720461'),
  /* 8 */ merchant('上海芯连智能科技有限公司', '浦东新区', '数码', 'MA1G84WE'),
  /* 9 */ merchant('上海贝芽母婴用品有限公司', '长宁区', '母婴', 'MA1J6U3B'),
  /* 10 */ merchant('上海疁城竹刻艺术品有限公司', '嘉定区', '非遗手工艺', '79563018'),
  /* 11 */ merchant('成都锦绣蜀韵文化创意有限公司', '锦江区', '非遗手工艺', 'MA62R7YA'),
];

export const DEMO_STREAMERS: DemoStreamer[] = [
  // MCN 0 上海星禾文化传媒 (云嘉直播电商产业园)
  { displayName: '嘉嘉的衣橱', realName: '陈嘉怡', mcnIndex: 0, topics: ['服饰', '穿搭'], followers: 1_280_000, virtual: false },
  { displayName: '木木的家', realName: '吴沐晨', mcnIndex: 0, topics: ['家居', '收纳', '好物分享'], followers: 356_000, virtual: false },
  { displayName: '竹刻匠人老周', realName: '周文彬', mcnIndex: 0, topics: ['非遗手工艺', '嘉定竹刻'], followers: 86_000, virtual: false },
  // MCN 1 上海青柚网络科技 (云嘉直播电商产业园)
  { displayName: '滩羊哥老马', realName: '马建军', mcnIndex: 1, topics: ['农产品', '美食', '助农'], followers: 642_000, virtual: false },
  { displayName: '小满爱种草', realName: '林小满', mcnIndex: 1, topics: ['美妆', '护肤'], followers: 920_000, virtual: false },
  { displayName: '数字人星瞳', realName: '许一凡', mcnIndex: 1, topics: ['服饰', '美妆'], followers: 210_000, virtual: true },
  // MCN 2 上海浦岸数字传媒 (浦江数智直播基地)
  { displayName: '阿杰说数码', realName: '杨俊杰', mcnIndex: 2, topics: ['数码', '测评'], followers: 1_560_000, virtual: false },
  { displayName: '极客小鹏', realName: '孙鹏飞', mcnIndex: 2, topics: ['数码', '智能家居'], followers: 430_000, virtual: false },
  { displayName: '宝妈安安', realName: '赵安琪', mcnIndex: 2, topics: ['母婴', '育儿'], followers: 780_000, virtual: false },
  // MCN 3 上海言拾文化传播 (浦江数智直播基地)
  { displayName: '静姐穿搭日记', realName: '王静怡', mcnIndex: 3, topics: ['服饰', '穿搭', '通勤'], followers: 2_350_000, virtual: false },
  { displayName: 'Lily成分研究所', realName: '李若琳', mcnIndex: 3, topics: ['美妆', '成分党'], followers: 1_020_000, virtual: false },
  // MCN 4 成都蓉光文化传媒 (蓉城天府直播电商基地)
  { displayName: '川妹子小蓉', realName: '刘晓蓉', mcnIndex: 4, topics: ['食品', '川味'], followers: 1_870_000, virtual: false },
  {
    displayName: '果园里的阿晴',
    realName: '何晴',
    mcnIndex: 4,
    topics: ['农产品', '助农', '蒲江猕猴桃'],
    followers: 520_000,
    virtual: false,
  },
  { displayName: '虚拟主播蓉宝', realName: '邓子豪', mcnIndex: 4, topics: ['非遗手工艺', '文旅'], followers: 158_000, virtual: true },
  // MCN 5 成都巴适好物网络科技 (蓉城天府直播电商基地)
  { displayName: '巴适哥吃遍成都', realName: '张宇航', mcnIndex: 5, topics: ['食品', '探店'], followers: 960_000, virtual: false },
  { displayName: '蜀绣阿妹', realName: '罗雨桐', mcnIndex: 5, topics: ['非遗手工艺', '蜀绣'], followers: 73_000, virtual: false },
];

function product(merchantIndex: number, title: string, priceFen: number, stock: number): DemoProduct {
  const m = DEMO_MERCHANTS[merchantIndex];
  if (m === undefined) throw new Error(`bad merchant index ${merchantIndex}`);
  return { merchantIndex, title, category: m.category, priceFen, stock };
}

export const DEMO_PRODUCTS: DemoProduct[] = [
  // 0 上海嘉织服饰 (服饰, 工厂店)
  product(0, '纯棉重磅圆领短袖T恤 男女同款 230g', 5900, 1200),
  product(0, '冰丝阔腿休闲裤 女款垂感九分裤', 8900, 800),
  product(0, '防晒冰感连帽外套 UPF50+ 轻薄透气', 12900, 600),
  product(0, '精梳棉POLO衫 商务休闲 男款', 9900, 500),
  product(0, '莫代尔无痕内衣套装 女款 3件装', 7900, 900),
  // 1 上海静澜时装 (服饰, 品牌)
  product(1, '100%桑蚕丝衬衫 22姆米 通勤款', 45900, 200),
  product(1, '双面羊绒大衣 中长款 驼色', 169900, 80),
  product(1, '法式碎花连衣裙 收腰显瘦 夏季新款', 29900, 300),
  product(1, '羊毛混纺针织开衫 V领 燕麦色', 39900, 260),
  product(1, '高腰直筒牛仔裤 弹力修身 浅蓝色', 25900, 400),
  // 2 上海澜肌生物科技 (美妆, 护肤)
  product(2, '玻尿酸补水保湿面膜 25ml×10片', 6900, 3000),
  product(2, '烟酰胺焕亮精华液 30ml', 15900, 1500),
  product(2, '神经酰胺修护面霜 50g 敏感肌可用', 19900, 1200),
  product(2, '氨基酸温和洁面乳 120g', 5900, 2500),
  product(2, '清透防晒乳 SPF50+ PA++++ 50ml', 9900, 1800),
  // 3 上海沁颜化妆品 (美妆, 彩妆)
  product(3, '丝绒雾面口红 3.5g #316 枫叶红', 12900, 1000),
  product(3, '持妆粉底液 30ml 自然色 控油不脱妆', 16900, 900),
  product(3, '四色眼影盘 大地色系 哑光珠光', 8900, 800),
  product(3, '温和卸妆水 500ml 大瓶装', 6900, 2000),
  product(3, '持久定妆喷雾 100ml', 7900, 1100),
  // 4 成都川禾记食品 (食品, 川味)
  product(4, '牛油火锅底料 500g 成都老火锅风味', 2990, 5000),
  product(4, '郫县豆瓣酱 一级 500g 瓶装', 1590, 6000),
  product(4, '手撕灯影牛肉丝 五香味 200g', 3990, 3000),
  product(4, '冷吃兔 麻辣味 250g 自贡风味', 4590, 2500),
  product(4, '藤椒钵钵鸡调料 320g×2袋', 2590, 4000),
  // 5 上海禾塞农产品供应链 (农产品, 宁夏盐池滩羊)
  product(5, '宁夏盐池滩羊 羊排 2.5kg 现切冷鲜', 39900, 300),
  product(5, '盐池滩羊 羊腿 整只约2kg 手把肉', 32900, 260),
  product(5, '滩羊肉卷 火锅涮肉 500g×4盒', 19900, 500),
  product(5, '稻花香大米 5kg 当季新米 真空包装', 6990, 1500),
  // a cross-border import (保税备货 1210), honestly declared: the wall tags the lamb room 跨境 and the regulator's
  // 跨境商品 report lists it (its live sales sit well under 1.5 × the declared value)
  {
    ...product(5, '新西兰进口 草饲羔羊排 1kg 冷冻', 16900, 400),
    crossBorder: { declaredValueFen: 14000, originCountry: 'NZ', importMode: '1210' },
  },
  // 6 成都蒲江果语农业科技 (农产品, 猕猴桃/柑橘)
  product(6, '蒲江红心猕猴桃 单果80-100g 24枚装', 5990, 2000),
  product(6, '蒲江金艳黄心猕猴桃 单果100-120g 12枚礼盒', 6990, 1500),
  product(6, '不知火丑橘 5斤装 单果200g起', 4990, 1800),
  product(6, '明前雀舌绿茶 100g 罐装', 12800, 600),
  product(6, '耙耙柑 9斤装 大果 现摘现发', 6990, 1600),
  // 7 上海栖木家居用品 (家居)
  product(7, '316不锈钢保温杯 500ml 商务款', 8900, 2400),
  product(7, 'A类纯棉四件套 1.8m床 60支贡缎', 29900, 500),
  product(7, '记忆棉护颈枕 慢回弹 成人款', 12900, 700),
  product(7, '可折叠收纳箱 大号 3只装', 5990, 1500),
  product(7, '天然乳胶床垫 1.8×2m 厚5cm', 89900, 120),
  // 8 上海芯连智能科技 (数码)
  product(8, '主动降噪蓝牙耳机 入耳式 续航36小时', 29900, 900),
  product(8, '65W氮化镓充电器 三口快充', 9900, 2000),
  product(8, '20000mAh移动电源 22.5W快充 轻薄款', 12900, 1600),
  product(8, '智能手表 血氧心率监测 1.43英寸AMOLED', 49900, 500),
  product(8, '机械键盘 87键 热插拔 茶轴', 25900, 400),
  // 9 上海贝芽母婴用品 (母婴)
  product(9, '婴儿纸尿裤 L码 52片 超薄透气', 11900, 3000),
  product(9, '新生儿纯棉连体衣 A类 两件装 59cm', 8900, 1200),
  product(9, '宝宝洗护二合一沐浴露 400ml', 5900, 1500),
  product(9, '婴儿推车 轻便可坐可躺 一键收车', 89900, 150),
  product(9, '儿童316不锈钢保温饭盒 带餐具', 9900, 800),
  // 10 上海疁城竹刻艺术品 (非遗手工艺, 嘉定竹刻)
  product(10, '嘉定竹刻 留青山水笔筒 手工雕刻', 128000, 20),
  product(10, '竹刻书签 梅兰竹菊 4枚礼盒装', 16800, 300),
  product(10, '竹雕茶则 茶道六君子套装', 26800, 120),
  product(10, '竹刻镇纸 一对 行书诗文', 38800, 60),
  product(10, '竹刻扇骨折扇 10寸 宣纸扇面', 22800, 100),
  // 11 成都锦绣蜀韵文化创意 (非遗手工艺, 蜀绣/蜀锦/漆艺)
  product(11, '蜀绣熊猫团扇 双面绣 手工刺绣', 58800, 40),
  product(11, '蜀绣芙蓉花 真丝手帕 礼盒装', 19800, 150),
  product(11, '蜀锦真丝丝巾 90×90cm 几何纹样', 36800, 120),
  product(11, '成都漆艺 手工漆器首饰盒', 68800, 30),
  product(11, '瓷胎竹编 品茗杯 手工编织 单只', 29800, 80),
];

/** 第三方评估机构: the evaluator of the demo base's funded project (seed 004 § 四(四) 邀请第三方机构). */
export const DEMO_EVALUATOR = {
  org: '上海浦江绩效评估咨询有限公司',
  district: '黄浦区',
  displayName: '浦江评估 项目评估师 陈卓',
} as const;
