/**
 * 需求协同 (supply) events → inbox items, pure: a demand alert goes to the merchant and to every supplier linked for
 * the product; a replenishment request to the supplier, its confirmation and shipment back to the merchant; a purchase
 * order to the supplier, its shipment back to the merchant. docs/supply.md § Live demand. One of the area tables
 * merged in `NOTIFICATION_FEED` (notification-feed.rules.ts).
 */
import type { Role } from '@livehub/contracts';
import type { NameQuery, Names } from '../shared/name-directory.ts';
import { type FeedRules, type NotificationDraft, nameOr, num, type Payload, str } from './notification-feed.internal.ts';
import type { Bilingual, NotificationSeverity } from './notifications.types.ts';

const rolesOf = (kind: unknown): readonly Role[] => (kind === 'merchant' ? ['merchant_staff'] : ['provider_staff']);

type Text = { title: Bilingual; body: Bilingual };

/** An item for the supplier's console, to act on what `merchant` asked; `text` gets the merchant's name. */
function toSupplier(
  supplier: string,
  merchant: string,
  kind: string,
  names: NameQuery,
  text: (merchantName: Bilingual, names: Names) => Text,
): NotificationDraft {
  return {
    recipient: { kind: 'org', orgId: supplier, roles: ['provider_staff', 'merchant_staff'] },
    kind,
    severity: 'action_required',
    link: '/supplier',
    dueAt: null,
    names: { orgs: [merchant], ...names },
    render: (n) => text(nameOr(n, 'orgs', merchant, { zh: '商家', en: 'a merchant' }), n),
  };
}

/** An item back to the merchant's staff about what `supplier` did; `text` gets the supplier's name. */
function toMerchant(
  merchant: string,
  supplier: string,
  at: { kind: string; severity: NotificationSeverity; link: string },
  names: NameQuery,
  text: (supplierName: Bilingual, names: Names) => Text,
): NotificationDraft {
  return {
    recipient: { kind: 'org', orgId: merchant, roles: ['merchant_staff'] },
    ...at,
    dueAt: null,
    names: { orgs: [supplier], ...names },
    render: (n) => text(nameOr(n, 'orgs', supplier, { zh: '供应商', en: 'the supplier' }), n),
  };
}

/** 需求预警: a SKU of a live session sells out soon (预计 N 分钟售罄) or has sold out. */
export function fromDemandAlert(p: Payload): NotificationDraft[] {
  const merchant = str(p.merchantOrgId);
  const product = str(p.productId);
  const session = str(p.sessionId);
  if (!merchant || !product || !session || !str(p.alertId)) return [];
  const soldOut = p.level === 'sold_out';
  const minutes = num(p.projectedMinutes);
  const qty = num(p.suggestedQty);
  const sku = str(p.skuName);
  const suppliers = Array.isArray(p.suppliers) ? (p.suppliers as Array<{ orgId?: unknown; kind?: unknown }>) : [];
  const render = (names: Names) => {
    const prod = nameOr(names, 'products', product, { zh: '一件商品', en: 'a product' });
    const room = nameOr(names, 'sessions', session, { zh: '直播间', en: 'the live room' });
    const spec = sku ? `（${sku}）` : '';
    const when = soldOut
      ? { zh: '已售罄', en: 'has sold out' }
      : {
          zh: `预计 ${Math.max(1, Math.round(minutes ?? 0))} 分钟售罄`,
          en: `will sell out in about ${Math.max(1, Math.round(minutes ?? 0))} min`,
        };
    return {
      title: { zh: `需求预警：${prod.zh}${when.zh}`, en: `Demand alert: ${prod.en} ${when.en}` },
      body: {
        zh: `${room.zh}正在热卖${prod.zh}${spec}，${when.zh}，剩余可售 ${num(p.stock) ?? 0} 件。${qty ? `建议补货 ${qty} 件。` : ''}`,
        en: `${prod.en}${sku ? ` (${sku})` : ''} is selling fast in ${room.en} and ${when.en}; ${num(p.stock) ?? 0} left to sell.${qty ? ` Suggested replenishment: ${qty}.` : ''}`,
      },
    };
  };
  const item = (orgId: string, roles: readonly Role[], link: string): NotificationDraft => ({
    recipient: { kind: 'org', orgId, roles },
    kind: 'supply.demand_alert',
    severity: 'action_required',
    link,
    dueAt: null,
    names: { products: [product], sessions: [session] },
    render,
  });
  const out = [item(merchant, ['merchant_staff'], '/merchant/demand')];
  for (const s of suppliers) {
    const org = str(s.orgId);
    if (org && org !== merchant) out.push(item(org, rolesOf(s.kind), '/supplier'));
  }
  return out;
}

/** 补货申请: asked of the supplier. */
export function fromReplenishmentRequested(p: Payload): NotificationDraft[] {
  const supplier = str(p.supplierOrgId);
  const merchant = str(p.merchantOrgId);
  const product = str(p.productId);
  if (!supplier || !merchant || !product) return [];
  return [
    toSupplier(supplier, merchant, 'supply.replenishment_requested', { products: [product] }, (m, names) => {
      const prod = nameOr(names, 'products', product, { zh: '商品', en: 'a product' });
      return {
        title: { zh: `补货申请：${prod.zh} ${num(p.qty) ?? 0} 件`, en: `Replenishment request: ${num(p.qty) ?? 0} × ${prod.en}` },
        body: {
          zh: `${m.zh}请求补货${prod.zh} ${num(p.qty) ?? 0} 件，请在供应商工作台确认。`,
          en: `${m.en} asks for ${num(p.qty) ?? 0} × ${prod.en}. Confirm it in the supplier console.`,
        },
      };
    }),
  ];
}

/** 补货已确认 / 已发货: back to the merchant. */
export function fromReplenishmentProgress(p: Payload): NotificationDraft[] {
  const supplier = str(p.supplierOrgId);
  const merchant = str(p.merchantOrgId);
  const product = str(p.productId);
  if (!supplier || !merchant || !product) return [];
  const shipped = p.status === 'shipped';
  const at = {
    kind: shipped ? 'supply.replenishment_shipped' : 'supply.replenishment_confirmed',
    severity: 'info' as const,
    link: '/merchant/demand',
  };
  return [
    toMerchant(merchant, supplier, at, { products: [product] }, (s, names) => {
      const prod = nameOr(names, 'products', product, { zh: '商品', en: 'a product' });
      return {
        title: shipped
          ? { zh: `补货已发货：${prod.zh}`, en: `Replenishment shipped: ${prod.en}` }
          : { zh: `补货已确认：${prod.zh}`, en: `Replenishment confirmed: ${prod.en}` },
        body: shipped
          ? { zh: `${s.zh}已发出${prod.zh} ${num(p.qty) ?? 0} 件。`, en: `${s.en} shipped ${num(p.qty) ?? 0} × ${prod.en}.` }
          : { zh: `${s.zh}已确认补货${prod.zh} ${num(p.qty) ?? 0} 件。`, en: `${s.en} confirmed ${num(p.qty) ?? 0} × ${prod.en}.` },
      };
    }),
  ];
}

/** 采购单: a new order to the supplier (to confirm), and its shipment to the merchant (to receive). */
export function fromPurchaseOrder(p: Payload): NotificationDraft[] {
  const supplier = str(p.supplierOrgId);
  const merchant = str(p.merchantOrgId);
  const number = str(p.number);
  if (!supplier || !merchant || !number) return [];
  const qty = num(p.qty) ?? 0;
  if (p.status === 'sent')
    return [
      toSupplier(supplier, merchant, 'supply.po_sent', {}, (m) => ({
        title: { zh: `新采购单 ${number}`, en: `New purchase order ${number}` },
        body: {
          zh: `${m.zh}下了采购单 ${number}（共 ${qty} 件），请在供应商工作台接单。`,
          en: `${m.en} placed purchase order ${number} (${qty} units). Confirm it in the supplier console.`,
        },
      })),
    ];
  if (p.status === 'shipped')
    return [
      toMerchant(merchant, supplier, { kind: 'supply.po_shipped', severity: 'action_required', link: '/merchant/purchases' }, {}, (s) => ({
        title: { zh: `采购单已发货 ${number}`, en: `Purchase order shipped ${number}` },
        body: {
          zh: `${s.zh}已发出采购单 ${number}，到货后请收货质检。`,
          en: `${s.en} shipped purchase order ${number}. Receive and check it when it arrives.`,
        },
      })),
    ];
  return [];
}

/** 生产单: a pre-sale closed into a production order, to the factory (to confirm). */
export function fromProductionSent(p: Payload): NotificationDraft[] {
  const supplier = str(p.supplierOrgId);
  const merchant = str(p.merchantOrgId);
  const number = str(p.number);
  if (!supplier || !merchant || !number) return [];
  const qty = num(p.qty) ?? 0;
  const ship = str(p.promisedShipOn) ?? '';
  return [
    toSupplier(supplier, merchant, 'presale.production_sent', {}, (m) => ({
      title: { zh: `新生产单 ${number}`, en: `New production order ${number}` },
      body: {
        zh: `${m.zh}的预售已截单，生产单 ${number} 共 ${qty} 件，承诺 ${ship} 发货，请在供应商工作台接单。`,
        en: `${m.en} closed a pre-sale: production order ${number}, ${qty} units, promised to ship on ${ship}. Confirm it in the supplier console.`,
      },
    })),
  ];
}

/** 预售定金退回: the buyer's deposit goes back (the pre-sale was cancelled, or the deposit came too late). */
export function fromDepositRefund(p: Payload): NotificationDraft[] {
  const buyer = str(p.buyerUserId);
  if (!buyer || !str(p.reservationId)) return [];
  const title = str(p.title) ?? '';
  const yuan = ((num(p.amountFen) ?? 0) / 100).toFixed(2);
  return [
    {
      recipient: { kind: 'user', userId: buyer },
      kind: 'presale.deposit_refund',
      severity: 'info',
      link: '/presales/mine',
      dueAt: null,
      names: {},
      render: () => ({
        title: { zh: `预售定金退回：${title}`, en: `Pre-sale deposit refunded: ${title}` },
        body: {
          zh: `「${title}」的定金 ¥${yuan} 将原路退回。${str(p.reason) ?? ''}`,
          en: `Your deposit of ¥${yuan} for “${title}” is being refunded to where it came from.`,
        },
      }),
    },
  ];
}

export const SUPPLY_FEED: FeedRules = {
  'presale.production_sent': fromProductionSent,
  'presale.deposit_refund': fromDepositRefund,
  'supply.demand_alert': fromDemandAlert,
  'supply.replenishment_requested': fromReplenishmentRequested,
  'supply.replenishment_confirmed': fromReplenishmentProgress,
  'supply.replenishment_shipped': fromReplenishmentProgress,
  'supply.po_sent': fromPurchaseOrder,
  'supply.po_shipped': fromPurchaseOrder,
};
