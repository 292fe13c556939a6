/**
 * The credit model in force (信用模型), as the platform reads it: the dimensions and their weights per party kind,
 * the rule of each event kind (points, unit, decay or window, limits) with the rate rules, the tiers with their
 * measures and the first-offence waiver, and the changelog. The platform admin publishes a new version from here
 * (`CreditModelEditor`).
 */
import { CREDIT_PARTY_KINDS, CREDIT_TIERS } from '@livehub/contracts';
import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, List, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PageLoading } from '../../components/page-loading.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { type Translate, useI18n } from '../../i18n/index.ts';
import { bi } from '../../lib/labels.ts';
import { type CreditModelView, useCreditModel } from '../../queries/credit.ts';
import { eventKindLabel, partyKindLabel, TierTag } from './credit-labels.tsx';
import { CreditModelEditor } from './credit-model-editor.tsx';

type Rule = CreditModelView['rules'][string];

function rulePoints(t: Translate, rule: Rule): string {
  const points = rule.points > 0 ? `+${rule.points}` : String(rule.points).replace('-', '−');
  return t(`credit.model.unit.${rule.unit}`, { points });
}

function ruleDecay(t: Translate, rule: Rule): string {
  if (rule.halfLifeDays) return t('credit.model.halfLife', { days: rule.halfLifeDays });
  if (rule.windowDays) return t('credit.model.window', { days: rule.windowDays });
  return '';
}

function ruleLimit(t: Translate, rule: Rule): string {
  if (rule.maxPerEvent) return t('credit.model.maxPerEvent', { points: rule.maxPerEvent });
  if (rule.cap) return t('credit.model.cap', { points: rule.cap });
  return '';
}

function DimensionsTab({ model }: { model: CreditModelView }) {
  const { t, locale } = useI18n();
  return (
    <Descriptions column={1} size="small" bordered>
      {CREDIT_PARTY_KINDS.map((kind) => (
        <Descriptions.Item key={kind} label={partyKindLabel(t, kind)}>
          <Space wrap>
            {(model.dimensions[kind] ?? []).map((d) => (
              <Tag key={d.key}>
                {bi(locale, d)} {d.weightBp / 100}%
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

function RulesTab({ model }: { model: CreditModelView }) {
  const { t, locale } = useI18n();
  const names = (kind: (typeof CREDIT_PARTY_KINDS)[number], key: string) => {
    const d = model.dimensions[kind]?.find((x) => x.key === key);
    return d ? bi(locale, d) : key;
  };
  const rows = Object.entries(model.rules).map(([kind, rule]) => ({ kind, rule }));
  return (
    <>
      <Table
        rowKey="kind"
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="credit-model-rules"
        columns={[
          { title: t('credit.col.kind'), key: 'kind', render: (_, r) => eventKindLabel(t, r.kind) },
          {
            title: t('credit.model.affects'),
            key: 'affects',
            render: (_, r) => {
              const entries = Object.entries(r.rule.dimensions) as Array<[(typeof CREDIT_PARTY_KINDS)[number], string]>;
              if (entries.length === 0) return <Typography.Text type="secondary">{t('credit.model.onlyRate')}</Typography.Text>;
              return entries.map(([kind, key]) => `${partyKindLabel(t, kind)} · ${names(kind, key)}`).join('；');
            },
          },
          { title: t('credit.model.points'), key: 'points', render: (_, r) => (r.rule.points === 0 ? '—' : rulePoints(t, r.rule)) },
          { title: t('credit.model.decay'), key: 'decay', render: (_, r) => ruleDecay(t, r.rule) },
          { title: t('credit.model.limit'), key: 'limit', render: (_, r) => ruleLimit(t, r.rule) },
        ]}
      />
      {model.rateRules.map((rate) => (
        <Alert
          key={rate.key}
          type="info"
          style={{ marginTop: 12 }}
          title={t('credit.model.rate', { name: bi(locale, rate), days: rate.windowDays, min: rate.minCount })}
          description={rate.thresholds
            .map((x) => t('credit.model.threshold', { pct: Math.round(x.over * 100), points: String(x.points).replace('-', '−') }))
            .join('；')}
        />
      ))}
    </>
  );
}

function TiersTab({ model }: { model: CreditModelView }) {
  const { t, locale } = useI18n();
  return (
    <>
      <List
        size="small"
        dataSource={CREDIT_TIERS.map((tier) => ({
          tier,
          band: model.tiers.find((b) => b.tier === tier),
          measures: model.measures[tier] ?? [],
        }))}
        renderItem={({ tier, band, measures }) => (
          <List.Item>
            <Space wrap>
              <TierTag tier={tier} />
              <Typography.Text>{band ? t('credit.model.tierMin', { min: band.min }) : ''}</Typography.Text>
              {measures.length === 0 ? (
                <Typography.Text type="secondary">{t('credit.model.noMeasures')}</Typography.Text>
              ) : (
                measures.map((m) => (
                  <Tag key={m.code} color={tier === 'D' ? 'red' : 'orange'}>
                    {bi(locale, m)}
                  </Tag>
                ))
              )}
            </Space>
          </List.Item>
        )}
      />
      <Alert
        type="success"
        style={{ marginTop: 12 }}
        title={t('credit.model.firstOffence', { days: model.firstOffence.windowDays, severity: model.firstOffence.maxSeverity })}
      />
    </>
  );
}

function ChangelogTab({ model }: { model: CreditModelView }) {
  const { t, locale } = useI18n();
  return (
    <Table
      rowKey="version"
      size="small"
      pagination={false}
      dataSource={model.changelog}
      columns={[
        { title: t('credit.model.versionCol'), dataIndex: 'version', width: 120 },
        { title: t('credit.model.date'), dataIndex: 'date', width: 120 },
        { title: t('credit.model.change'), key: 'change', render: (_, c) => bi(locale, c) },
      ]}
    />
  );
}

export function CreditModelCard({ canPublish = false }: { canPublish?: boolean }) {
  const { t } = useI18n();
  const model = useCreditModel({ staleTime: 5 * 60_000 });
  const [editing, setEditing] = useState(false);
  return (
    <Card
      title={t('credit.model.title')}
      extra={
        model.data ? (
          <Space>
            <Typography.Text type="secondary" data-testid="credit-model-version-text">
              {t('credit.model.version', { version: model.data.version, date: model.data.effectiveFrom })}
            </Typography.Text>
            {canPublish ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="credit-model-edit">
                {t('credit.model.edit.open')}
              </Button>
            ) : null}
          </Space>
        ) : null
      }
      data-testid="credit-model"
    >
      {model.error ? (
        <QueryError error={model.error} onRetry={() => void model.refetch()} />
      ) : model.data ? (
        <Tabs
          items={[
            { key: 'dimensions', label: t('credit.model.dimensions'), children: <DimensionsTab model={model.data} /> },
            { key: 'rules', label: t('credit.model.rules'), children: <RulesTab model={model.data} /> },
            { key: 'tiers', label: t('credit.model.tiers'), children: <TiersTab model={model.data} /> },
            { key: 'changelog', label: t('credit.model.changelog'), children: <ChangelogTab model={model.data} /> },
          ]}
        />
      ) : (
        <PageLoading />
      )}
      {editing && model.data ? <CreditModelEditor model={model.data} open onClose={() => setEditing(false)} /> : null}
    </Card>
  );
}
