/**
 * 投诉 from the live room: the signed-in consumer picks one of their paid orders from this session and files about
 * what was said here (the complaint names the session); without such an order, the dialog says why it cannot be filed.
 */
import { AlertOutlined } from '@ant-design/icons';
import type { Me } from '@livehub/contracts';
import { Button, Empty, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/index.ts';
import type { OrderView } from '../../lib/api-types.ts';
import { formatFen } from '../../lib/money.ts';
import { MeContext } from '../../lib/session.ts';
import { useOrders } from '../../queries/orders.ts';
import { FileComplaintModal } from './complaint-parts.tsx';

export function RoomComplaint({ me, sessionId }: { me: Me; sessionId: string }) {
  const { t } = useI18n();
  const [picking, setPicking] = useState(false);
  const [order, setOrder] = useState<OrderView | null>(null);
  const orders = useOrders({ as: 'buyer', sessionId, limit: 50 }, { enabled: picking });
  const paid = (orders.data ?? []).filter((o) => o.paidAt !== null);
  return (
    <MeContext.Provider value={me}>
      <Button size="small" shape="round" icon={<AlertOutlined />} onClick={() => setPicking(true)} data-testid="room-complain">
        {t('complaint.file.roomButton')}
      </Button>
      <Modal
        open={picking}
        title={t('complaint.file.pickOrder')}
        footer={null}
        onCancel={() => setPicking(false)}
        data-testid="room-complain-modal"
      >
        <List<OrderView>
          loading={orders.isPending}
          dataSource={paid}
          locale={{ emptyText: <Empty description={t('complaint.file.noOrders')} /> }}
          renderItem={(o) => (
            <List.Item
              actions={[
                <Button
                  key="file"
                  type="primary"
                  size="small"
                  data-testid="room-complain-order"
                  onClick={() => {
                    setOrder(o);
                    setPicking(false);
                  }}
                >
                  {t('complaint.file.button')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={o.lines.map((l) => l.title).join('、')}
                description={
                  <Typography.Text type="secondary">
                    {o.orderNo} · {o.merchantName} · {formatFen(o.totalFen)}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      </Modal>
      <FileComplaintModal order={order} open={order !== null} fromRoom onClose={() => setOrder(null)} />
    </MeContext.Provider>
  );
}
