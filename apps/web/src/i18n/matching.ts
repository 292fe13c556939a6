/**
 * Messages of 人货匹配 (为你推荐, 为什么不能带, 找达人, 匹配动态): merged into the dictionary by i18n/index.ts.
 * zh-CN is the source; en-US must provide every key (enforced by the type).
 */

export const matchingZh = {
  'matching.recs.title': '为你推荐',
  'matching.recs.subtitle': '按您的带货记录、类目与商品表现推荐，只包含您可以带的商品',
  'matching.recs.personalised': '个性化推荐',
  'matching.recs.personalisedHint': '关闭后按商品综合表现排序，对所有主播相同（电子商务法第十八条）',
  'matching.recs.saved': '已保存您的推荐偏好',
  'matching.recs.empty': '暂时没有可推荐的商品',
  'matching.recs.score': '匹配度 {score}',
  'matching.recs.learned': '已使用模型（{at} 训练）',
  'matching.recs.signals': '按信号排序（模型尚未训练）',
  'matching.whyNot.title': '为什么不能带',
  'matching.whyNot.check': '查看能否带货',
  'matching.whyNot.allowed': '您可以带这件商品',
  'matching.whyNot.notAllowed': '您暂时不能带这件商品：',
  'matching.find.title': '找达人',
  'matching.find.subtitle': '可以带这件商品的主播，按匹配度排序',
  'matching.find.empty': '暂时没有可匹配的主播',
  'matching.find.notInPool': '该商品没有进行中的佣金计划，不在选品池中',
  'matching.find.streamer': '主播',
  'matching.find.mcn': '所属MCN',
  'matching.find.reasons': '推荐理由',
  'matching.find.invite': '邀请',
  'matching.find.inviteTitle': '邀请 {name} 带货（定向佣金计划）',
  'matching.find.commission': '佣金比例（%）',
  'matching.find.days': '计划天数',
  'matching.find.invited': '已创建定向计划，{name} 可在选品广场看到',
  'matching.find.independent': '独立主播',
} as const;

export type MatchingMessageKey = keyof typeof matchingZh;

export const matchingEn: Record<MatchingMessageKey, string> = {
  'matching.recs.title': 'Recommended for you',
  'matching.recs.subtitle': 'From your sales, categories and how products perform — only products you may sell',
  'matching.recs.personalised': 'Personalised',
  'matching.recs.personalisedHint': 'Off: ranked by overall product performance, the same for every streamer (E-Commerce Law Art. 18)',
  'matching.recs.saved': 'Your recommendation preference is saved',
  'matching.recs.empty': 'Nothing to recommend yet',
  'matching.recs.score': 'Match {score}',
  'matching.recs.learned': 'Model in use (trained {at})',
  'matching.recs.signals': 'Ranked by signals (no model trained yet)',
  'matching.whyNot.title': 'Why can’t I sell it',
  'matching.whyNot.check': 'Can I sell it?',
  'matching.whyNot.allowed': 'You may sell this product',
  'matching.whyNot.notAllowed': 'You may not sell this product yet:',
  'matching.find.title': 'Find streamers',
  'matching.find.subtitle': 'Streamers who may sell this product, best match first',
  'matching.find.empty': 'No matching streamer yet',
  'matching.find.notInPool': 'The product has no running commission plan: it is not in the pool',
  'matching.find.streamer': 'Streamer',
  'matching.find.mcn': 'MCN',
  'matching.find.reasons': 'Why',
  'matching.find.invite': 'Invite',
  'matching.find.inviteTitle': 'Invite {name} (targeted commission plan)',
  'matching.find.commission': 'Commission (%)',
  'matching.find.days': 'Days',
  'matching.find.invited': 'Targeted plan created: {name} sees it in the selection square',
  'matching.find.independent': 'Independent',
};
