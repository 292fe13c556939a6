/**
 * One product of a live session as the streamer's console lists it (the session page and the live room panel): its
 * place in the list, its title and lowest price; what the row adds (a tag, the pin buttons) comes from the caller.
 */
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import type { LiveSessionProduct } from '../lib/api-types.ts';
import { formatFen } from '../lib/money.ts';

export function SessionProductRow({
  product,
  index,
  testId,
  pinned,
  badge,
  extra,
}: {
  product: LiveSessionProduct;
  /** 0-based; shown 1-based */
  index: number;
  testId: string;
  /** in the live room: whether this product is pinned (marked on the row); left out on the session page */
  pinned?: boolean;
  /** shown after the price */
  badge?: ReactNode;
  /** shown at the end of the row */
  extra?: ReactNode;
}) {
  return (
    <div
      className={`lh-console-product${pinned ? ' lh-console-product-pinned' : ''}`}
      data-testid={testId}
      data-product-id={product.productId}
      {...(pinned !== undefined ? { 'data-pinned': pinned } : {})}
    >
      <span className="lh-console-product-index">{index + 1}</span>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Typography.Text strong ellipsis style={{ display: 'block' }}>
          {product.title}
        </Typography.Text>
        <span className="lh-price">{formatFen(product.minPriceFen)}</span>
        {badge}
      </div>
      {extra}
    </div>
  );
}
