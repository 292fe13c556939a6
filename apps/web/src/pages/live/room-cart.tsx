/**
 * 加入购物车 in the live room: a signed-in viewer's tap records the 加购 signal of a SKU for the session (the demand
 * boards count it per minute, once per viewer per SKU per minute; docs/supply.md § Live demand). A product with one
 * specification is added at the tap; otherwise the viewer picks one. No cart is kept yet: the signal is the record.
 * A guest is sent to sign in.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Modal, Space, Spin } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useI18n } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { formatFen } from '../../lib/money.ts';
import { useMeQuery } from '../../lib/session.ts';
import { catalogKeys, useProduct } from '../../queries/catalog.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { supplyApi } from '../../queries/supply.ts';

/** `compact`: the short label 加购 (the pinned card's narrow footer), named in full for screen readers and on hover. */
export function AddToCartButton({ productId, testId, compact }: { productId: string; testId: string; compact?: boolean }) {
  const { id: sessionId = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const signedIn = (useMeQuery().data ?? null) !== null;
  const [picking, setPicking] = useState(false);
  const product = useProduct(productId, { enabled: picking, staleTime: 30_000 });
  const add = useMutation({
    mutationFn: (skuId: string) => supplyApi.addToCart(sessionId, skuId),
    onSuccess: (r) => {
      setPicking(false);
      void message.success(r.counted ? t('live.room.cartAdded') : t('live.room.cartAlready'));
    },
    onError: (e) => void message.error(errorMessage(e, t('common.networkError'))),
  });
  const tap = async () => {
    if (!signedIn) {
      void navigate(`/login?from=${encodeURIComponent(`/live/rooms/${sessionId}`)}`);
      return;
    }
    try {
      const p = await qc.fetchQuery({
        queryKey: catalogKeys.product(productId),
        queryFn: () => endpoints.product(productId),
        staleTime: 30_000,
      });
      const [only, ...rest] = p.skus;
      if (only && rest.length === 0) add.mutate(only.id);
      else setPicking(true);
    } catch (e) {
      void message.error(errorMessage(e, t('common.networkError')));
    }
  };
  return (
    <>
      <Button
        size="small"
        shape="round"
        icon={compact ? null : <PlusOutlined />}
        loading={add.isPending && !picking}
        onClick={() => void tap()}
        data-testid={testId}
        {...(compact ? { 'aria-label': t('live.room.addToCart'), title: t('live.room.addToCart') } : {})}
      >
        {compact ? t('live.room.addToCartShort') : t('live.room.addToCart')}
      </Button>
      <Modal open={picking} title={t('live.room.cartPick')} footer={null} onCancel={() => setPicking(false)} destroyOnHidden>
        {product.isLoading ? (
          <Spin />
        ) : (product.data?.skus.length ?? 0) === 0 ? (
          <Empty description={t('live.room.cartNoSku')} />
        ) : (
          <Space wrap>
            {product.data?.skus.map((s) => (
              <Button
                key={s.id}
                loading={add.isPending && add.variables === s.id}
                onClick={() => add.mutate(s.id)}
                data-testid="cart-sku"
                data-sku-id={s.id}
              >
                {s.name} · {formatFen(s.priceFen)}
              </Button>
            ))}
          </Space>
        )}
      </Modal>
    </>
  );
}
