/** 规则库: the rule pack in force with its legal bases, terms and exemptions, and a "试一试" screening box. */
import { ExperimentOutlined, SearchOutlined } from '@ant-design/icons';
import type { ScreenRequest } from '@livehub/contracts';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import type { EventKind, ProductCategory, RuleSummary, ScreeningCategory, ScreeningDecision, ScreenResult } from '../../lib/api-types.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { useRulePack } from '../../queries/compliance.ts';
import {
  CATEGORIES,
  CategoryTag,
  categoryLabel,
  DecisionTag,
  detectorLabel,
  EVENT_KINDS,
  kindLabel,
  PRODUCT_CATEGORIES,
  productCategoryLabel,
  SeverityTag,
} from './compliance-labels.tsx';
import { HighlightedText } from '../../components/highlighted-text.tsx';
import './compliance.css';
import { IconTitle } from '../../components/icon-title.tsx';

const TRY_MAX = 2000;

function RuleDetail({ rule }: { rule: RuleSummary }) {
  const { t, locale } = useI18n();
  return (
    <div style={{ padding: '4px 8px' }} data-testid="rule-detail">
      <Typography.Paragraph style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('rules.explain')}：</Typography.Text>
        {(locale === 'zh-CN' ? rule.explainZh : rule.explainEn).replaceAll('{matched}', '…')}
      </Typography.Paragraph>
      <Typography.Text strong>
        {t('rules.terms')}（{rule.termCount}）
      </Typography.Text>
      <div style={{ margin: '8px 0 12px' }} data-testid="rule-terms">
        {rule.terms.length === 0 ? (
          <Typography.Text type="secondary">
            {rule.detector ? t('rules.detectorOnly', { detector: detectorLabel(t, rule.detector) }) : t('common.none')}
          </Typography.Text>
        ) : (
          rule.terms.map((term) => (
            <Tag key={term} className="lh-term-tag" color="processing">
              {term}
            </Tag>
          ))
        )}
      </div>
      <Typography.Text strong>
        {t('rules.exemptions')}（{rule.exemptions.length}）
      </Typography.Text>
      <div style={{ margin: '8px 0 12px' }} data-testid="rule-exemptions">
        {rule.exemptions.length === 0 ? (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ) : (
          rule.exemptions.map((term) => (
            <Tag key={term} className="lh-term-tag" color="success">
              {term}
            </Tag>
          ))
        )}
      </div>
      <Space size={[16, 8]} wrap>
        <span>
          <Typography.Text type="secondary">{t('rules.variants')}：</Typography.Text>
          {rule.variants ? t('rules.variantsOn') : t('rules.variantsOff')}
        </span>
        <span>
          <Typography.Text type="secondary">{t('rules.kinds')}：</Typography.Text>
          {rule.kinds ? rule.kinds.map((k) => kindLabel(t, k)).join('、') : t('rules.allKinds')}
        </span>
        {rule.exceptProductCategories ? (
          <span>
            <Typography.Text type="secondary">{t('rules.exceptProducts')}：</Typography.Text>
            {rule.exceptProductCategories.map((c) => productCategoryLabel(t, c)).join('、')}
          </span>
        ) : null}
      </Space>
    </div>
  );
}

function TryItCard() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<EventKind>('transcript');
  const [productCategory, setProductCategory] = useState<ProductCategory | undefined>(undefined);
  const screen = useMutation<ScreenResult & { text: string }, Error, ScreenRequest>({
    mutationFn: async (body) => ({ ...(await endpoints.screen(body)), text: body.text }),
  });
  const submit = () => {
    if (!text.trim()) return;
    screen.mutate({ text, kind, ...(productCategory ? { productCategory } : {}) });
  };
  const result = screen.data;

  return (
    <Card
      title={<IconTitle icon={<ExperimentOutlined style={{ color: '#f4442e' }} />}>{t('rules.tryTitle')}</IconTitle>}
      style={{ marginBottom: 16 }}
      data-testid="try-card"
    >
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={12}>
          <Input.TextArea
            data-testid="try-text"
            rows={4}
            value={text}
            maxLength={TRY_MAX}
            showCount
            placeholder={t('rules.tryPlaceholder')}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={(e) => {
              if (e.ctrlKey || e.metaKey) submit();
            }}
          />
          <Space style={{ marginTop: 12 }} wrap>
            <Select<EventKind>
              style={{ width: 140 }}
              value={kind}
              data-testid="try-kind"
              onChange={(value) => setKind(value)}
              options={EVENT_KINDS.map((value) => ({ value, label: kindLabel(t, value) }))}
            />
            <Select<ProductCategory>
              allowClear
              style={{ width: 160 }}
              value={productCategory}
              placeholder={t('rules.tryProductCategory')}
              onChange={(value) => setProductCategory(value)}
              options={PRODUCT_CATEGORIES.map((value) => ({ value, label: productCategoryLabel(t, value) }))}
            />
            <Button
              type="primary"
              icon={<SearchOutlined />}
              loading={screen.isPending}
              disabled={!text.trim()}
              onClick={submit}
              data-testid="try-submit"
            >
              {t('rules.trySubmit')}
            </Button>
          </Space>
        </Col>
        <Col xs={24} lg={12}>
          {screen.error ? (
            <Alert type="error" showIcon title={errorMessage(screen.error, t('common.networkError'))} />
          ) : result ? (
            <div data-testid="try-result" data-decision={result.decision} data-hits={result.hits.length}>
              <Space style={{ marginBottom: 10 }}>
                <Typography.Text type="secondary">{t('rules.tryDecision')}</Typography.Text>
                <DecisionTag decision={result.decision} />
                <Typography.Text type="secondary">{t('rules.tryHits', { count: result.hits.length })}</Typography.Text>
              </Space>
              <div className="lh-context-item lh-context-current" style={{ marginBottom: 10 }}>
                <HighlightedText text={result.text} hits={result.hits} numbered />
              </div>
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                {result.hits.map((hit, i) => (
                  <Space key={`${hit.rule}-${hit.start}-${hit.end}`} size={6} wrap>
                    <Typography.Text type="secondary">#{i + 1}</Typography.Text>
                    <Typography.Text strong className="lh-mono">
                      {hit.rule}
                    </Typography.Text>
                    <CategoryTag category={hit.category} />
                    <SeverityTag severity={hit.severity} />
                    <Typography.Text mark>{hit.matched}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {hit.basis}
                    </Typography.Text>
                  </Space>
                ))}
              </Space>
            </div>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rules.tryEmpty')} />
          )}
        </Col>
      </Row>
    </Card>
  );
}

export function RulesPage() {
  const { t, locale } = useI18n();
  const pack = useRulePack({ staleTime: 60_000 });
  const [category, setCategory] = useState<ScreeningCategory | 'all'>('all');
  const [search, setSearch] = useState('');
  const rules = pack.data?.rules ?? [];
  const needle = search.trim().toLowerCase();
  const filtered = rules.filter(
    (r) =>
      (category === 'all' || r.category === category) &&
      (!needle ||
        r.id.toLowerCase().includes(needle) ||
        r.law.toLowerCase().includes(needle) ||
        r.summaryZh.includes(needle) ||
        r.summaryEn.toLowerCase().includes(needle) ||
        r.terms.some((term) => term.toLowerCase().includes(needle))),
  );
  const countOf = (c: ScreeningCategory) => rules.filter((r) => r.category === c).length;

  const columns: TableColumnsType<RuleSummary> = [
    {
      title: t('rules.id'),
      dataIndex: 'id',
      width: 100,
      render: (v: string) => (
        <Typography.Text strong className="lh-mono">
          {v}
        </Typography.Text>
      ),
    },
    { title: t('rules.category'), dataIndex: 'category', width: 125, render: (v: ScreeningCategory) => <CategoryTag category={v} /> },
    { title: t('review.col.severity'), dataIndex: 'severity', width: 90, render: (v: number) => <SeverityTag severity={v} /> },
    { title: t('rules.action'), dataIndex: 'action', width: 80, render: (v: ScreeningDecision) => <DecisionTag decision={v} /> },
    {
      title: t('rules.basis'),
      key: 'basis',
      width: 220,
      render: (_: unknown, r) => (
        <div>
          <Typography.Text ellipsis={{ tooltip: r.law }} style={{ maxWidth: 210 }}>
            {r.law}
          </Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.article}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('rules.summary'),
      key: 'summary',
      render: (_: unknown, r) => {
        const summary = locale === 'zh-CN' ? r.summaryZh : r.summaryEn;
        return (
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: summary }} style={{ margin: 0 }}>
            {summary}
          </Typography.Paragraph>
        );
      },
    },
    {
      title: t('rules.termsAndExemptions'),
      key: 'terms',
      width: 120,
      render: (_: unknown, r) => (
        <Space size={4}>
          <Tooltip title={t('rules.termCount')}>
            <span>{r.termCount}</span>
          </Tooltip>
          <Typography.Text type="secondary">/</Typography.Text>
          <Tooltip title={t('rules.exemptions')}>
            <Typography.Text type="success">{r.exemptions.length}</Typography.Text>
          </Tooltip>
          {r.variants ? (
            <Tag color="purple" style={{ marginInlineEnd: 0, fontSize: 11 }}>
              {t('rules.variantsShort')}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('rules.detector'),
      dataIndex: 'detector',
      width: 120,
      render: (v: string | null) =>
        v ? <Tag color="cyan">{detectorLabel(t, v)}</Tag> : <Typography.Text type="secondary">{t('common.none')}</Typography.Text>,
    },
  ];

  return (
    <div data-testid="rules-page">
      <PageHeader title={t('rules.title')} subtitle={t('rules.subtitle')} />
      {pack.error ? <QueryError error={pack.error} onRetry={() => void pack.refetch()} /> : null}
      {pack.data ? (
        <div className="lh-pack-banner" data-testid="rule-pack-header">
          <Row gutter={[24, 16]} align="middle">
            <Col xs={24} lg={8}>
              <Typography.Text style={{ color: 'rgba(255,255,255,0.65)' }}>{t('rules.pack')}</Typography.Text>
              <div style={{ fontSize: 22, fontWeight: 600, margin: '4px 0' }} className="lh-mono">
                {pack.data.id}
              </div>
              <Space size={8}>
                <Tag color="gold" variant="solid" data-testid="rule-pack-version">
                  v{pack.data.version}
                </Tag>
                <Typography.Text style={{ color: 'rgba(255,255,255,0.65)' }}>
                  {t('rules.publishedAt', { date: pack.data.publishedAt })}
                </Typography.Text>
              </Space>
            </Col>
            <Col xs={12} lg={4}>
              <Statistic title={t('rules.stat.rules')} value={pack.data.stats.rules} />
            </Col>
            <Col xs={12} lg={4}>
              <Statistic title={t('rules.stat.terms')} value={pack.data.stats.terms} />
            </Col>
            <Col xs={12} lg={4}>
              <Statistic title={t('rules.stat.patterns')} value={pack.data.stats.patterns} />
            </Col>
            <Col xs={12} lg={4}>
              <Statistic title={t('rules.stat.states')} value={pack.data.stats.states} />
            </Col>
          </Row>
        </div>
      ) : null}
      <TryItCard />
      <Card>
        <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
          <Space size={[4, 8]} wrap data-testid="rule-category-filter">
            <Tag.CheckableTag checked={category === 'all'} onChange={() => setCategory('all')}>
              {t('common.all')} ({rules.length})
            </Tag.CheckableTag>
            {CATEGORIES.map((c) => (
              <Tag.CheckableTag key={c} checked={category === c} onChange={() => setCategory(c)} data-testid={`rule-category-${c}`}>
                {categoryLabel(t, c)} ({countOf(c)})
              </Tag.CheckableTag>
            ))}
          </Space>
          <Input.Search
            allowClear
            style={{ width: 260 }}
            placeholder={t('rules.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="rule-search"
          />
        </Space>
        <Table<RuleSummary>
          rowKey="id"
          size="middle"
          data-testid="rules-table"
          loading={pack.isPending}
          columns={columns}
          dataSource={filtered}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 1150 }}
          onRow={(r) => ({ 'data-testid': 'rule-row', 'data-rule-id': r.id }) as HTMLAttributes<HTMLElement>}
          expandable={{ expandedRowRender: (r) => <RuleDetail rule={r} /> }}
        />
      </Card>
    </div>
  );
}
