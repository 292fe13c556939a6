/** Records of the pre-sale (预售 · 反向定制): the pre-sale, buyers' reservations, the production order (生产单). */
import type { PresaleBalanceStatus, PresaleDepositStatus, PresaleStatus, ProductionOrderStatus } from '@livehub/contracts';

export interface PresaleRecord {
  id: string;
  merchantOrgId: string;
  productId: string;
  title: string;
  status: PresaleStatus;
  /** 定金 per unit, fen */
  depositFen: number;
  /** 尾款 per unit, fen */
  balanceFen: number;
  depositStartAt: Date;
  depositEndAt: Date;
  balanceStartAt: Date;
  balanceEndAt: Date;
  endReason: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
}

export interface PresaleReservationRecord {
  id: string;
  presaleId: string;
  buyerUserId: string;
  skuId: string;
  qty: number;
  /** the reservation's whole 定金 and 尾款 (per unit × qty, fixed when reserved) */
  depositFen: number;
  balanceFen: number;
  depositPaymentId: string;
  depositStatus: PresaleDepositStatus;
  depositPayUrl: string | null;
  depositProviderRef: string | null;
  provider: string;
  refundId: string | null;
  balancePaymentId: string | null;
  balanceStatus: PresaleBalanceStatus;
  balancePayUrl: string | null;
  balanceProviderRef: string | null;
  createdAt: Date;
  updatedAt: Date;
  depositPaidAt: Date | null;
  refundedAt: Date | null;
  balancePaidAt: Date | null;
}

export interface ProductionOrderLineRecord {
  productionOrderId: string;
  skuId: string;
  qty: number;
}

export interface ProductionOrderRecord {
  id: string;
  number: string;
  presaleId: string;
  merchantOrgId: string;
  supplierOrgId: string;
  status: ProductionOrderStatus;
  promisedShipOn: string;
  /** 收货仓: the merchant's warehouse the factory's shipment enters (named at closing); null: its default one */
  warehouseId: string | null;
  progressPct: number;
  progressNote: string | null;
  carrier: string | null;
  trackingNo: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  confirmedAt: Date | null;
  shippedAt: Date | null;
}

export interface ProductionOrderWithLines extends ProductionOrderRecord {
  lines: ProductionOrderLineRecord[];
}
