/**
 * The category tree LiveHub ships with, and each category's live-sale rule (网络直播营销选品规范 Art. 3–6):
 * prohibited goods may not be listed at all; restricted ones need the named market-access qualification on file;
 * some carry a statement the copy must show. Whether 7-day no-reason returns apply follows 消费者权益保护法
 * Art. 25's exceptions. Loaded into the database at start-up when missing; operators edit the rules afterwards
 * (audited), and an edit is never overwritten by a restart.
 */
import type { CategoryRecord } from './catalog.types.ts';

type Def = Omit<CategoryRecord, 'updatedAt' | 'sort' | 'parentId' | 'requiredQualifications' | 'requiredDisclaimer' | 'basis'> & {
  requiredQualifications?: string[];
  requiredDisclaimer?: string;
  basis?: string;
  children?: Def[];
};

const SELECTION = '网络直播营销选品规范 第三条至第六条';

const TREE: Def[] = [
  {
    id: 'food',
    nameZh: '食品',
    nameEn: 'Food',
    screenAs: 'food',
    liveRule: 'restricted',
    requiredQualifications: ['food_licence'],
    noReasonReturn: true,
    basis: `${SELECTION}；食品安全法 第三十五条（食品经营许可）`,
    children: [
      {
        id: 'food.snacks',
        nameZh: '休闲零食',
        nameEn: 'Snacks',
        screenAs: 'food',
        liveRule: 'restricted',
        requiredQualifications: ['food_licence'],
        noReasonReturn: true,
      },
      {
        id: 'food.dairy',
        nameZh: '乳制品',
        nameEn: 'Dairy',
        screenAs: 'food',
        liveRule: 'restricted',
        requiredQualifications: ['food_licence'],
        noReasonReturn: true,
      },
      {
        id: 'food.tea',
        nameZh: '茶叶冲饮',
        nameEn: 'Tea and drinks',
        screenAs: 'food',
        liveRule: 'restricted',
        requiredQualifications: ['food_licence'],
        noReasonReturn: true,
      },
      {
        id: 'food.fresh',
        nameZh: '生鲜',
        nameEn: 'Fresh produce',
        screenAs: 'food',
        liveRule: 'restricted',
        requiredQualifications: ['food_licence'],
        noReasonReturn: false,
        basis: '消费者权益保护法 第二十五条（鲜活易腐商品不适用七日无理由退货）',
      },
    ],
  },
  {
    id: 'health_food',
    nameZh: '保健食品',
    nameEn: 'Health food',
    screenAs: 'health_food',
    liveRule: 'restricted',
    requiredQualifications: ['food_licence', 'health_food_registration'],
    requiredDisclaimer: '本品不能代替药物',
    noReasonReturn: true,
    basis: '广告法 第十八条（保健食品广告应当显著标明“本品不能代替药物”）；保健食品注册与备案管理办法',
  },
  {
    id: 'agri',
    nameZh: '农产品',
    nameEn: 'Farm produce',
    screenAs: 'agri',
    liveRule: 'allowed',
    noReasonReturn: true,
    children: [
      {
        id: 'agri.fresh',
        nameZh: '鲜果蔬菜',
        nameEn: 'Fresh fruit and vegetables',
        screenAs: 'agri',
        liveRule: 'allowed',
        noReasonReturn: false,
        basis: '消费者权益保护法 第二十五条（鲜活易腐商品）',
      },
      {
        id: 'agri.grain',
        nameZh: '粮油米面',
        nameEn: 'Grain and oil',
        screenAs: 'agri',
        liveRule: 'restricted',
        requiredQualifications: ['food_licence'],
        noReasonReturn: true,
      },
      {
        id: 'agri.specialty',
        nameZh: '地方特产',
        nameEn: 'Local specialties',
        screenAs: 'agri',
        liveRule: 'allowed',
        noReasonReturn: true,
      },
    ],
  },
  {
    id: 'cosmetics',
    nameZh: '美妆护肤',
    nameEn: 'Cosmetics',
    screenAs: 'cosmetics',
    liveRule: 'restricted',
    requiredQualifications: ['cosmetics_filing'],
    noReasonReturn: true,
    basis: `${SELECTION}；化妆品监督管理条例 第十七条（备案）`,
    children: [
      {
        id: 'cosmetics.skincare',
        nameZh: '护肤',
        nameEn: 'Skincare',
        screenAs: 'cosmetics',
        liveRule: 'restricted',
        requiredQualifications: ['cosmetics_filing'],
        noReasonReturn: true,
      },
      {
        id: 'cosmetics.makeup',
        nameZh: '彩妆',
        nameEn: 'Make-up',
        screenAs: 'cosmetics',
        liveRule: 'restricted',
        requiredQualifications: ['cosmetics_filing'],
        noReasonReturn: true,
      },
    ],
  },
  {
    id: 'drug',
    nameZh: '药品',
    nameEn: 'Medicines',
    screenAs: 'drug',
    liveRule: 'prohibited',
    noReasonReturn: false,
    basis: `${SELECTION}；药品网络销售监督管理办法 第八条（处方药不得在直播中展示销售）`,
    children: [
      {
        id: 'drug.prescription',
        nameZh: '处方药',
        nameEn: 'Prescription drugs',
        screenAs: 'drug',
        liveRule: 'prohibited',
        noReasonReturn: false,
        basis: '药品网络销售监督管理办法 第八条；网络直播营销选品规范 第三条',
      },
      {
        id: 'drug.otc',
        nameZh: '非处方药（OTC）',
        nameEn: 'Over-the-counter drugs',
        screenAs: 'drug',
        liveRule: 'prohibited',
        noReasonReturn: false,
        basis: '广告法 第十五条、第十六条；药品不得以直播带货方式推销（本平台规则）',
      },
    ],
  },
  {
    id: 'medical_device',
    nameZh: '医疗器械',
    nameEn: 'Medical devices',
    screenAs: 'medical_device',
    liveRule: 'restricted',
    requiredQualifications: ['medical_device_registration'],
    noReasonReturn: false,
    basis: '医疗器械监督管理条例 第十三条、第四十六条；医疗器械网络销售监督管理办法',
    children: [
      {
        id: 'medical_device.class2',
        nameZh: '二类医疗器械',
        nameEn: 'Class II devices',
        screenAs: 'medical_device',
        liveRule: 'restricted',
        requiredQualifications: ['medical_device_registration'],
        noReasonReturn: false,
      },
    ],
  },
  {
    id: 'tobacco',
    nameZh: '烟草及电子烟',
    nameEn: 'Tobacco and e-cigarettes',
    screenAs: 'tobacco',
    liveRule: 'prohibited',
    noReasonReturn: false,
    basis: '烟草专卖法实施条例 第六十五条；电子烟管理办法 第三十四条（禁止通过信息网络销售）；中国广告协会网络直播营销行为规范',
    children: [
      {
        id: 'tobacco.cigarettes',
        nameZh: '卷烟',
        nameEn: 'Cigarettes',
        screenAs: 'tobacco',
        liveRule: 'prohibited',
        noReasonReturn: false,
      },
      { id: 'tobacco.ecig', nameZh: '电子烟', nameEn: 'E-cigarettes', screenAs: 'tobacco', liveRule: 'prohibited', noReasonReturn: false },
    ],
  },
  {
    id: 'apparel',
    nameZh: '服饰鞋包',
    nameEn: 'Apparel',
    screenAs: 'apparel',
    liveRule: 'allowed',
    noReasonReturn: true,
    children: [
      { id: 'apparel.women', nameZh: '女装', nameEn: "Women's wear", screenAs: 'apparel', liveRule: 'allowed', noReasonReturn: true },
      { id: 'apparel.men', nameZh: '男装', nameEn: "Men's wear", screenAs: 'apparel', liveRule: 'allowed', noReasonReturn: true },
      { id: 'apparel.shoes', nameZh: '鞋靴', nameEn: 'Shoes', screenAs: 'apparel', liveRule: 'allowed', noReasonReturn: true },
      { id: 'apparel.bags', nameZh: '箱包', nameEn: 'Bags', screenAs: 'apparel', liveRule: 'allowed', noReasonReturn: true },
      {
        id: 'apparel.custom',
        nameZh: '定制服饰',
        nameEn: 'Made-to-measure',
        screenAs: 'apparel',
        liveRule: 'allowed',
        noReasonReturn: false,
        basis: '消费者权益保护法 第二十五条（消费者定作的商品）',
      },
    ],
  },
  {
    id: 'electronics',
    nameZh: '数码家电',
    nameEn: 'Electronics',
    screenAs: 'electronics',
    liveRule: 'allowed',
    noReasonReturn: true,
    children: [
      {
        id: 'electronics.phones',
        nameZh: '手机通讯',
        nameEn: 'Phones',
        screenAs: 'electronics',
        liveRule: 'allowed',
        noReasonReturn: true,
      },
      {
        id: 'electronics.appliances',
        nameZh: '生活电器',
        nameEn: 'Appliances',
        screenAs: 'electronics',
        liveRule: 'allowed',
        noReasonReturn: true,
      },
      {
        id: 'electronics.software',
        nameZh: '软件与数字内容',
        nameEn: 'Software and digital goods',
        screenAs: 'electronics',
        liveRule: 'allowed',
        noReasonReturn: false,
        basis: '消费者权益保护法 第二十五条（在线下载或者拆封的数字化商品）',
      },
    ],
  },
  {
    id: 'home',
    nameZh: '家居日用',
    nameEn: 'Home',
    screenAs: 'home',
    liveRule: 'allowed',
    noReasonReturn: true,
    children: [
      { id: 'home.kitchen', nameZh: '厨具餐具', nameEn: 'Kitchenware', screenAs: 'home', liveRule: 'allowed', noReasonReturn: true },
      { id: 'home.textile', nameZh: '家纺', nameEn: 'Home textiles', screenAs: 'home', liveRule: 'allowed', noReasonReturn: true },
      { id: 'home.cleaning', nameZh: '清洁用品', nameEn: 'Cleaning', screenAs: 'home', liveRule: 'allowed', noReasonReturn: true },
    ],
  },
  {
    id: 'baby',
    nameZh: '母婴',
    nameEn: 'Mother and baby',
    screenAs: 'baby',
    liveRule: 'allowed',
    noReasonReturn: true,
    children: [
      {
        id: 'baby.formula',
        nameZh: '婴幼儿配方乳粉',
        nameEn: 'Infant formula',
        screenAs: 'food',
        liveRule: 'restricted',
        requiredQualifications: ['food_licence'],
        noReasonReturn: true,
        basis: '食品安全法 第八十一条（婴幼儿配方乳粉注册）',
      },
      { id: 'baby.toys', nameZh: '玩具', nameEn: 'Toys', screenAs: 'baby', liveRule: 'allowed', noReasonReturn: true },
    ],
  },
  {
    id: 'handicraft',
    nameZh: '非遗文创',
    nameEn: 'Crafts and heritage',
    screenAs: 'handicraft',
    liveRule: 'allowed',
    noReasonReturn: true,
  },
  {
    id: 'books',
    nameZh: '图书报刊',
    nameEn: 'Books and periodicals',
    screenAs: 'other',
    liveRule: 'allowed',
    noReasonReturn: true,
    children: [
      {
        id: 'books.periodicals',
        nameZh: '报纸期刊',
        nameEn: 'Newspapers and periodicals',
        screenAs: 'other',
        liveRule: 'allowed',
        noReasonReturn: false,
        basis: '消费者权益保护法 第二十五条（交付的报纸、期刊）',
      },
    ],
  },
  {
    id: 'wildlife',
    nameZh: '野生动植物制品',
    nameEn: 'Wildlife products',
    screenAs: 'other',
    liveRule: 'prohibited',
    noReasonReturn: false,
    basis: '野生动物保护法 第二十八条、第三十三条；网络直播营销选品规范 第三条',
  },
  {
    id: 'weapons',
    nameZh: '管制刀具与仿真枪',
    nameEn: 'Controlled knives and replica guns',
    screenAs: 'other',
    liveRule: 'prohibited',
    noReasonReturn: false,
    basis: '枪支管理法；管制刀具认定标准；网络直播营销选品规范 第三条',
  },
];

export function defaultCategories(now: Date): CategoryRecord[] {
  const out: CategoryRecord[] = [];
  const walk = (defs: Def[], parentId: string | null) => {
    defs.forEach((d, i) => {
      out.push({
        id: d.id,
        parentId,
        nameZh: d.nameZh,
        nameEn: d.nameEn,
        screenAs: d.screenAs,
        liveRule: d.liveRule,
        requiredQualifications: d.requiredQualifications ?? [],
        requiredDisclaimer: d.requiredDisclaimer ?? null,
        noReasonReturn: d.noReasonReturn,
        basis: d.basis ?? null,
        sort: i,
        updatedAt: now,
      });
      if (d.children) walk(d.children, d.id);
    });
  };
  walk(TREE, null);
  return out;
}

/** A category and its ancestors, root first. */
export function categoryPath(all: ReadonlyMap<string, CategoryRecord>, id: string): CategoryRecord[] {
  const path: CategoryRecord[] = [];
  let cur = all.get(id);
  while (cur && path.length < 10) {
    path.unshift(cur);
    cur = cur.parentId ? all.get(cur.parentId) : undefined;
  }
  return path;
}
