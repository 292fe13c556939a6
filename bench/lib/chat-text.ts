/**
 * Live-room chat for the fan-out benchmark: what viewers of a clothing / beauty / food session type, each message
 * carrying its number and send time (tenths of a millisecond since the epoch) so a receiver can tell its delivery
 * latency: `这件大衣有M码吗〔12/17320000001234〕`. A share of the messages are off-platform diversion or
 * medical claims, which the gateway's screening blocks.
 */

export const CLEAN_CHAT = [
  '主播身高多少？穿的什么码',
  '这件大衣有M码吗',
  '已下单，期待',
  '家人们冲冲冲',
  '链接在哪里呀',
  '烟灰色和象牙白哪个更显白',
  '羊毛含量是多少',
  '发什么快递？几天能到',
  '偏大还是偏小',
  '一米六五一百斤穿什么码',
  '能再讲一下面料吗',
  '昨天买的已经收到了，质量很好',
  '主播今天好漂亮',
  '口红试一下黄皮的颜色',
  '这个面霜油皮能用吗',
  '敏感肌可以用吗',
  '保质期多久',
  '猕猴桃甜不甜',
  '老人家喝的茶叶有推荐吗',
  '滩羊肉怎么做好吃',
  '保温杯是316不锈钢的吗',
  '有没有儿童款',
  '福袋什么时候开',
  '来了来了',
  '支持主播',
  '上次买的羽绒服很暖和，回购了',
  '可以开发票吗',
  '退换货运费谁出',
  '刺绣是手工的吗',
  '竹刻笔筒还有吗',
  '晚上好呀家人们',
  '第一次来直播间，关注了',
  '价格能再优惠点吗',
  '这个颜色显胖吗',
  '有没有大一码的',
  '能发个尺码表吗',
  '宝宝的纸尿裤什么时候上',
  '奶粉是几段的',
  '好看好看',
  '主播讲得很清楚，谢谢',
] as const;

/** Off-platform diversion and medical claims in chat: blocked (or held for review) by the default rule pack. */
export const VIOLATING_CHAT = [
  '想要的加我微信 vx12345678 私聊便宜',
  '加我薇信 lily8888 私下给你便宜',
  '要的私聊，加v信 shop20231 拿内部价',
] as const;

export function chatText(n: number, violating: boolean, sentAtMs: number): string {
  const pool: readonly string[] = violating ? VIOLATING_CHAT : CLEAN_CHAT;
  return `${pool[n % pool.length]}〔${n}/${Math.round(sentAtMs * 10)}〕`;
}

const MARK = /〔\d+\/(\d+)〕$/;

/** The send time (ms since the epoch) carried by a chat text, or null. */
export function sentAt(text: string): number | null {
  const m = MARK.exec(text);
  return m ? Number(m[1]) / 10 : null;
}
