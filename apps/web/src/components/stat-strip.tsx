/** The row of four figure cards above a work queue (审批工作台, 审核队列). Styles: compliance.css (.lh-stat-strip). */
import { Card, Col, Row, Typography } from 'antd';
import type { ReactNode } from 'react';

export interface StatCardProps {
  testId: string;
  title: string;
  value: number;
  icon: ReactNode;
  color: string;
  bg: string;
  /** colour of the figure; inherited when not given */
  valueColor?: string;
}

export function StatCard({ testId, title, value, icon, color, bg, valueColor }: StatCardProps) {
  return (
    <Card className="lh-stat-strip" data-testid={testId}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 14 }}>
        <span className="lh-stat-icon" style={{ color, background: bg }}>
          {icon}
        </span>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {title}
          </Typography.Text>
          <div style={{ fontSize: 24, fontWeight: 600, lineHeight: 1.3, ...(valueColor ? { color: valueColor } : {}) }}>{value}</div>
        </div>
      </div>
    </Card>
  );
}

export function StatStrip({ stats }: { stats: readonly StatCardProps[] }) {
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {stats.map((stat) => (
        <Col key={stat.testId} xs={12} xl={6}>
          <StatCard {...stat} />
        </Col>
      ))}
    </Row>
  );
}
