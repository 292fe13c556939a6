/**
 * 供应商工作台 (a supply-chain service provider's staff, or a merchant's acting as factory): the merchants that name
 * the caller's organization as supplier, the live demand of their linked products right now with its alerts —
 * updated live from the server's stream — a 补货 on an alert, the replenishment requests to confirm and ship, and
 * the purchase orders (采购单) placed with it to confirm or decline and ship, and the production orders (生产单) of
 * pre-sales to confirm, report progress on and ship.
 */
import { Card, Col, Empty, List, Row } from 'antd';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useMe } from '../../lib/session.ts';
import { useDemandBoard, useDemandStream, useMyMerchants, useReplenishments } from '../../queries/supply.ts';
import { AlertList, LiveDemandCard, ReplenishmentTable } from './demand-parts.tsx';
import { SupplierProductionOrders } from './supplier-production-orders.tsx';
import { SupplierPurchaseOrders } from './supplier-purchase-orders.tsx';

export function SupplierConsolePage() {
  const { t } = useI18n();
  const me = useMe();
  const connected = useDemandStream();
  const board = useDemandBoard();
  const merchants = useMyMerchants();
  const requests = useReplenishments();
  const orgId = me.active?.orgId ?? null;
  return (
    <>
      <PageHeader title={t('supply.console.title')} subtitle={t('supply.console.subtitle')} />
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <LiveDemandCard connected={connected} loading={board.isLoading} sessions={board.data?.sessions ?? []} showMerchant />
          <Card title={t('supply.requests')}>
            <ReplenishmentTable rows={requests.data ?? []} supplierOrgId={orgId} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('supply.alerts')} style={{ marginBottom: 16 }}>
            <AlertList alerts={board.data?.alerts ?? []} canReplenish />
          </Card>
          <Card title={t('supply.merchants')} loading={merchants.isLoading}>
            {(merchants.data ?? []).length === 0 ? (
              <Empty description={t('supply.noMerchants')} />
            ) : (
              <List
                dataSource={merchants.data ?? []}
                renderItem={(l) => (
                  <List.Item>
                    <List.Item.Meta
                      title={l.merchantName}
                      description={l.productIds === null ? t('supply.suppliers.all') : l.productNames.join('、')}
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
      <SupplierPurchaseOrders />
      <SupplierProductionOrders />
    </>
  );
}
