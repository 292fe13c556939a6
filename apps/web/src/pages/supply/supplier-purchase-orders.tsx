/**
 * The 供应商工作台's 采购单 section: the purchase orders placed with the caller's organization (and, for a service
 * provider, those going into a warehouse it runs), a row opening the order; 接单, 拒单 with a reason and 发货 with
 * carrier and tracking number for the supplier, 收货 for the provider running the receiving warehouse.
 */
import type { PurchaseOrderView } from '@livehub/contracts';
import { App, Button, type ButtonProps, Card, Drawer, Popconfirm, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { useMe } from '../../lib/session.ts';
import { useWarehouses } from '../../queries/inventory.ts';
import { usePurchaseOrderStep, usePurchaseOrders } from '../../queries/supply.ts';
import {
  PO_CAN,
  PoReasonDialog,
  PurchaseOrderDetail,
  PurchaseOrderTable,
  type ReasonKind,
  ReceiveModal,
  ShipModal,
} from './purchase-order-parts.tsx';

export function SupplierPurchaseOrders() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const orgId = me.active?.orgId ?? null;
  const isProvider = me.active?.role === 'provider_staff';
  const orders = usePurchaseOrders(null);
  const warehouses = useWarehouses({ enabled: isProvider });
  const step = usePurchaseOrderStep();
  const [openId, setOpenId] = useState<string | null>(null);
  const [shipping, setShipping] = useState<PurchaseOrderView | null>(null);
  const [receiving, setReceiving] = useState<PurchaseOrderView | null>(null);
  const [reason, setReason] = useState<{ kind: ReasonKind; po: PurchaseOrderView } | null>(null);
  // a merchant acting as factory also sees the orders it placed itself: those belong on its 采购 page
  const rows = useMemo(() => (orders.data ?? []).filter((po) => po.merchantOrgId !== orgId), [orders.data, orgId]);
  const runs = useMemo(
    () => new Set((warehouses.data ?? []).filter((w) => w.ownerOrgId === orgId).map((w) => w.id)),
    [warehouses.data, orgId],
  );
  const open = rows.find((po) => po.id === openId) ?? null;

  const actions = (po: PurchaseOrderView) => {
    const mine = po.supplierOrgId === orgId;
    const buttons = [];
    if (mine && PO_CAN.answer(po)) {
      buttons.push(
        <Popconfirm
          key="confirm"
          title={t('po.action.confirm')}
          okButtonProps={{ 'data-testid': 'po-confirm-ok' } as ButtonProps}
          onConfirm={() =>
            step.mutate(
              { kind: 'confirm', id: po.id },
              {
                onSuccess: () => void message.success(t('po.confirmed')),
                onError: (e) => void message.error(errorMessage(e, t('po.action.confirm'))),
              },
            )
          }
        >
          <Button size="small" type="primary" loading={step.isPending && step.variables?.id === po.id} data-testid="po-action-confirm">
            {t('po.action.confirm')}
          </Button>
        </Popconfirm>,
        <Button key="decline" size="small" danger onClick={() => setReason({ kind: 'decline', po })} data-testid="po-action-decline">
          {t('po.action.decline')}
        </Button>,
      );
    }
    if (mine && PO_CAN.ship(po))
      buttons.push(
        <Button key="ship" size="small" type="primary" onClick={() => setShipping(po)} data-testid="po-action-ship">
          {t('po.action.ship')}
        </Button>,
      );
    if (isProvider && runs.has(po.warehouseId) && PO_CAN.receive(po))
      buttons.push(
        <Button key="receive" size="small" onClick={() => setReceiving(po)} data-testid="po-action-receive">
          {t('po.action.receive')}
        </Button>,
      );
    return buttons.length ? <Space>{buttons}</Space> : null;
  };

  return (
    <Card title={t('po.console.title')} style={{ marginBottom: 16 }} data-testid="supplier-purchase-orders">
      <PurchaseOrderTable rows={rows} loading={orders.isLoading} side="supplier" onOpen={(po) => setOpenId(po.id)} actions={actions} />
      <Drawer width={760} open={open !== null} onClose={() => setOpenId(null)} title={open?.number} destroyOnHidden>
        {open ? <PurchaseOrderDetail po={open} actions={actions(open)} /> : null}
      </Drawer>
      <ShipModal po={shipping} onClose={() => setShipping(null)} />
      <ReceiveModal po={receiving} onClose={() => setReceiving(null)} />
      <PoReasonDialog
        target={reason}
        onClose={() => setReason(null)}
        onDone={() => {
          setReason(null);
          message.success(t('po.declined'));
        }}
      />
    </Card>
  );
}
