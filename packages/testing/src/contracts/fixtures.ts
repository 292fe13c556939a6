/**
 * Records for the repository contract cases: valid by default, each field overridable. Typed through the ports
 * (`Row<'catalog', 'insertProduct'>`) so a record that no longer fits its port fails to compile here.
 */
import type { MembershipRecord, OrganizationRecord, Repositories, UnitOfWork, UserRecord } from '@livehub/core';

let n = 0;
/** a UUIDv7-shaped id, increasing within a run */
export const uuid = (): string => {
  n++;
  const hex = (Date.now().toString(16) + n.toString(16).padStart(8, '0')).padStart(32, '0').slice(-32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
};

/** the first argument a port's method takes */
export type Row<P extends keyof Repositories, M extends keyof Repositories[P]> = Repositories[P][M] extends (
  first: infer A,
  ...rest: infer _R
) => unknown
  ? A
  : never;

export const T0 = new Date('2026-01-01T00:00:00Z');
/** `T0` plus `h` hours */
export const at = (h: number): Date => new Date(T0.getTime() + h * 3_600_000);

export function user(over: Partial<UserRecord> = {}): UserRecord {
  const id = uuid();
  return {
    id,
    username: `u${id.slice(-10)}`,
    displayName: '测试用户',
    passwordHash: 'x',
    phoneEnc: null,
    phoneIndex: null,
    locale: 'zh-CN',
    status: 'active',
    failedLogins: 0,
    lockedUntil: null,
    lastLoginAt: null,
    createdAt: T0,
    ...over,
  };
}

export function org(over: Partial<OrganizationRecord> = {}): OrganizationRecord {
  const id = uuid();
  return {
    id,
    kind: 'merchant',
    name: `商家${id.slice(-8)}`,
    district: '嘉定区',
    parentId: null,
    createdAt: T0,
    ...over,
  };
}

/** A user, stored through `r`. */
export async function storedUser(r: Repositories, over: Partial<UserRecord> = {}): Promise<UserRecord> {
  const u = user(over);
  await r.users.insert(u);
  return u;
}

/** An organization, stored through `r`. */
export async function storedOrg(r: Repositories, over: Partial<OrganizationRecord> = {}): Promise<OrganizationRecord> {
  const o = org(over);
  await r.orgs.insert(o);
  return o;
}

/** A membership of `userId` in `orgId`, stored through `r`: merchant staff, no department, unless `over` says otherwise. */
export async function storedMembership(
  r: Repositories,
  userId: string,
  orgId: string,
  over: Partial<MembershipRecord> = {},
): Promise<MembershipRecord> {
  const m: MembershipRecord = { id: uuid(), userId, orgId, role: 'merchant_staff', departmentId: null, createdAt: T0, ...over };
  await r.memberships.insert(m);
  return m;
}

export function product(merchantOrgId: string, over: Partial<Row<'catalog', 'insertProduct'>> = {}): Row<'catalog', 'insertProduct'> {
  return {
    id: uuid(),
    merchantOrgId,
    categoryId: 'home',
    brandId: null,
    title: '契约测试商品',
    description: '',
    claims: [],
    referencePriceFen: null,
    imageIds: [],
    qualificationDocIds: [],
    sampleAvailable: false,
    sampleStock: 0,
    status: 'draft',
    statusReason: null,
    reviewApplicationId: null,
    checks: null,
    salesCount: 0,
    crossBorder: false,
    declaredValueFen: null,
    originCountry: null,
    importMode: null,
    version: 1,
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

export function sku(productId: string, over: Partial<Row<'catalog', 'insertSku'>> = {}): Row<'catalog', 'insertSku'> {
  return { id: uuid(), productId, name: '默认', code: null, priceFen: 9900, stock: 10, sort: 0, createdAt: T0, updatedAt: T0, ...over };
}

export function liveSession(streamerUserId: string, over: Partial<Row<'live', 'insertSession'>> = {}): Row<'live', 'insertSession'> {
  return {
    id: uuid(),
    streamerUserId,
    mcnOrgId: null,
    title: '契约测试直播',
    coverImageId: null,
    scheduledAt: T0,
    status: 'scheduled',
    coHostUserIds: [],
    pinnedProductId: null,
    streamKeyHash: `k${uuid()}`,
    streamKeyEnc: 'v1.sealed',
    startedAt: null,
    endedAt: null,
    peakViewers: 0,
    avgViewers: 0,
    chatMessages: 0,
    orders: 0,
    gmvFen: 0,
    retainUntil: null,
    prereviewedAt: null,
    prereviewedBy: null,
    version: 1,
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

export function order(
  buyerUserId: string,
  merchantOrgId: string,
  over: Partial<Row<'orders', 'insertOrder'>> = {},
): Row<'orders', 'insertOrder'> {
  const id = uuid();
  return {
    id,
    orderNo: `LH${id.replace(/-/g, '').slice(-16)}`,
    buyerUserId,
    merchantOrgId,
    status: 'created',
    sessionId: null,
    streamerUserId: null,
    mcnOrgId: null,
    agreementId: null,
    agreementVersion: null,
    flashSaleId: null,
    totalFen: 9900,
    refundedFen: 0,
    commissionFen: 0,
    addressEnc: 'v1.sealed',
    region: '上海市嘉定区',
    carrier: null,
    trackingNo: null,
    payBy: at(1),
    paidAt: null,
    shippedAt: null,
    deliveredAt: null,
    completedAt: null,
    cancelledAt: null,
    cancelReason: null,
    retainUntil: at(24 * 365 * 3),
    version: 1,
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

export function orderLine(orderId: string, productId: string, skuId: string, over: Partial<Row<'orders', 'updateLine'>> = {}) {
  const line: Row<'orders', 'updateLine'> = {
    orderId,
    lineNo: 1,
    productId,
    skuId,
    title: '契约测试商品',
    skuName: '默认',
    categoryId: 'home',
    noReasonReturn: true,
    unitPriceFen: 9900,
    qty: 1,
    commissionBp: 0,
    streamerShareBp: 0,
    commissionFen: 0,
    returnedQty: 0,
    reversedCommissionFen: 0,
    ...over,
  };
  return line;
}

/** a payment of `orderId`, pending with the mock provider (9,900 fen, at T0) */
export function payment(orderId: string, over: Partial<Row<'orders', 'insertPayment'>> = {}): Row<'orders', 'insertPayment'> {
  return {
    id: uuid(),
    orderId,
    provider: 'mock',
    providerRef: null,
    amountFen: 9900,
    status: 'pending',
    payUrl: null,
    failureReason: null,
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

/** a refund of `paymentId`, pending (9,900 fen, 七天无理由, two hours after T0) */
export function refund(
  orderId: string,
  paymentId: string,
  over: Partial<Row<'orders', 'insertRefund'>> = {},
): Row<'orders', 'insertRefund'> {
  return {
    id: uuid(),
    orderId,
    paymentId,
    returnId: null,
    amountFen: 9900,
    reason: '七天无理由退货',
    status: 'pending',
    createdAt: at(2),
    completedAt: null,
    ...over,
  };
}

/** the database a context's cases run on, opened by the suite's beforeAll (so read it inside a case, not at registration) */
export interface ContractDb {
  r(): Repositories;
  uow(): UnitOfWork;
}

export function document(uploadedBy: string, over: Partial<Row<'workflows', 'insertDocument'>> = {}): Row<'workflows', 'insertDocument'> {
  return {
    id: uuid(),
    ownerOrgId: null,
    ownerUserId: uploadedBy,
    uploadedBy,
    docType: 'business_license',
    fileType: 'pdf',
    size: 1024,
    sha256: 'a'.repeat(64),
    storageKey: `docs/${uuid()}.pdf`,
    filename: '营业执照.pdf',
    expiresAt: null,
    retainUntil: at(24 * 365 * 3),
    createdAt: T0,
    ...over,
  };
}

type Keyed = { id: string; createdAt: Date };

/** the ids of rows newest first by (createdAt, id): the order of every keyset-paged list */
export const newestFirst = (rows: Keyed[]): string[] =>
  [...rows].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1)).map((x) => x.id);

/** walks a keyset-paged list page by page (`pageSize` rows each), passing on the last row's (createdAt, id) */
export async function allPages(
  page: (cursor: { before?: Date; beforeId?: string }) => Promise<Keyed[]>,
  pageSize: number,
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: { before?: Date; beforeId?: string } = {};
  for (;;) {
    const rows = await page(cursor);
    ids.push(...rows.map((x) => x.id));
    const last = rows.at(-1);
    if (rows.length < pageSize || !last) return ids;
    cursor = { before: last.createdAt, beforeId: last.id };
  }
}
