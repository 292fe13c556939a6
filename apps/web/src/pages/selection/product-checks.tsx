/**
 * The automatic pre-check findings of a product review (自动预审): each check with its verdict, the rule id and the
 * legal basis, blocking failures first. Shown to the merchant on the product and to the reviewer on the application.
 */
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Empty, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/index.ts';
import type { ProductCheck } from '../../lib/api-types.ts';
import { bi, labelOr } from '../../lib/labels.ts';

function verdict(c: ProductCheck): 'ok' | 'blocking' | 'flagged' {
  if (c.ok) return 'ok';
  return c.blocking ? 'blocking' : 'flagged';
}

const ORDER = { blocking: 0, flagged: 1, ok: 2 } as const;

export function ProductChecks({ checks }: { checks: ProductCheck[] | null }) {
  const { t, locale } = useI18n();
  if (!checks || checks.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalog.checks.none')} data-testid="product-checks-empty" />;
  const sorted = [...checks].sort((a, b) => ORDER[verdict(a)] - ORDER[verdict(b)]);
  return (
    <div data-testid="product-checks">
      {sorted.map((c, i) => {
        const v = verdict(c);
        return (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id; the list is rebuilt whole
            key={i}
            className={`lh-check lh-check-${v}`}
            data-testid="product-check"
            data-ok={String(c.ok)}
            data-blocking={String(c.blocking)}
            data-rule={c.ruleId ?? ''}
          >
            <span className="lh-check-icon">
              {v === 'ok' ? <CheckCircleFilled /> : v === 'blocking' ? <CloseCircleFilled /> : <ExclamationCircleFilled />}
            </span>
            <div style={{ flex: 1, minWidth: 0 }}>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
                <Tag style={{ marginInlineEnd: 0 }}>{labelOr(t, `catalog.check.${c.check}`, c.check)}</Tag>
                {v !== 'ok' ? (
                  <Tag color={v === 'blocking' ? 'error' : 'warning'} style={{ marginInlineEnd: 0 }}>
                    {t(v === 'blocking' ? 'catalog.checks.blocking' : 'catalog.checks.flagged')}
                  </Tag>
                ) : null}
                {c.ruleId ? (
                  <Typography.Text code data-testid="check-rule">
                    {c.ruleId}
                  </Typography.Text>
                ) : null}
              </div>
              <div className="lh-check-message" data-testid="check-message">
                {bi(locale, c.message)}
              </div>
              {c.basis ? (
                <div className="lh-check-basis" data-testid="check-basis">
                  {t('catalog.checks.basis')}：{c.basis}
                </div>
              ) : null}
            </div>
          </div>
        );
      })}
    </div>
  );
}
