/** A card's or a modal's title led by an icon, the two spaced as antd spaces them. */
import { Space } from 'antd';
import type { ReactNode } from 'react';

export function IconTitle({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Space>
      {icon}
      {children}
    </Space>
  );
}
