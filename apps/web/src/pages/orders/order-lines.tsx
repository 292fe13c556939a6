/** The goods of an order as the buyer sees them: title, SKU, unit price × quantity, returned units, the badge. */
import { ShoppingOutlined } from '@ant-design/icons';
import { Space } from 'antd';
import { useI18n } from '../../i18n/index.ts';
import type { OrderView } from '../../lib/api-types.ts';
import { formatFen } from '../../lib/money.ts';
import { NoReasonBadge } from './order-labels.tsx';

export function OrderLines({ order, badges = false }: { order: OrderView; badges?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="lh-order-lines">
      {order.lines.map((l) => (
        <div key={l.lineNo} className="lh-order-line" data-testid="order-line" data-line-no={l.lineNo}>
          <span className="lh-buyer-thumb">
            <ShoppingOutlined />
          </span>
          <div className="lh-order-line-body">
            <div className="lh-order-line-title lh-clamp-2">{l.title}</div>
            <Space size={6} wrap>
              <span className="lh-buyer-muted">{l.skuName}</span>
              {badges ? <NoReasonBadge allowed={l.noReasonReturn} /> : null}
              {l.returnedQty > 0 ? (
                <span className="lh-buyer-warn" data-testid="line-returned">
                  {t('order.returnedQty', { n: l.returnedQty })}
                </span>
              ) : null}
            </Space>
          </div>
          <div className="lh-order-line-price">
            <div>{formatFen(l.unitPriceFen)}</div>
            <div className="lh-buyer-muted">×{l.qty}</div>
          </div>
        </div>
      ))}
    </div>
  );
}
