/**
 * 跨区域协同 (长三角): this region's public key to give partners; the partner regions and their key ids; 导出 a signed
 * bundle of clues and credit records (downloaded as a file); 导入 a partner's bundle (uploaded, verified against the
 * key registered for it — refused with the reason otherwise); what partners sent, with its provenance, and the clue
 * it raised here.
 */
import { CloudDownloadOutlined, CloudUploadOutlined, PlusOutlined } from '@ant-design/icons';
import type { ExchangeBundleView, ExchangeKind, ExchangeRecordView, ExchangeRegionView } from '@livehub/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  Row,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormModal } from '../../components/form-modal.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { QueryTable } from '../../components/query-table.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { useExchangeOverview, useExchangeRecords, useExchangeWrites } from '../../queries/exchange.ts';

const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ExchangePage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const overview = useExchangeOverview();
  const writes = useExchangeWrites();
  const [kind, setKind] = useState<ExchangeKind | null>(null);
  const records = useExchangeRecords(kind);
  const [adding, setAdding] = useState(false);
  const [addError, setAddError] = useState<string | null>(null);
  const [form] = Form.useForm<{ code: string; name: string; publicKey: string }>();
  const [kinds, setKinds] = useState<ExchangeKind[]>(['clue', 'credit', 'case']);
  const [since, setSince] = useState<Dayjs | null>(dayjs().subtract(90, 'day'));
  const [importError, setImportError] = useState<string | null>(null);
  const [imported, setImported] = useState<string | null>(null);

  const region = overview.data?.region;

  const exportNow = () =>
    writes.exportBundle.mutate(
      { kinds, ...(since ? { since: since.format('YYYY-MM-DD') } : {}) },
      {
        onSuccess: (b) => {
          download(`livehub-${b.region.code}-${dayjs(b.createdAt).format('YYYYMMDD-HHmmss')}.json`, JSON.stringify(b, null, 2));
          void message.success(t('exchange.export.done', { n: b.items.length }));
        },
        onError: (e) => void message.error(errorMessage(e, t('common.networkError'))),
      },
    );

  const importFile = async (file: File) => {
    setImportError(null);
    setImported(null);
    let bundle: unknown;
    try {
      bundle = JSON.parse(await file.text());
    } catch {
      setImportError(t('exchange.import.notJson'));
      return;
    }
    writes.importBundle.mutate(bundle, {
      onSuccess: (r) =>
        setImported(t('exchange.import.done', { region: r.bundle.regionName, n: r.imported, matched: r.matched, clues: r.cluesRaised })),
      onError: (e) => setImportError(errorMessage(e, t('common.networkError'))),
    });
  };

  const regionColumns: TableColumnsType<ExchangeRegionView> = [
    { title: t('exchange.col.region'), key: 'name', render: (_, r) => `${r.name}（${r.code}）` },
    { title: t('exchange.col.keyId'), key: 'keyId', render: (_, r) => <Typography.Text code>{r.keyId}</Typography.Text> },
    { title: t('exchange.col.addedAt'), key: 'addedAt', render: (_, r) => `${time(r.addedAt)} ${r.addedByName ?? ''}` },
  ];
  const bundleColumns: TableColumnsType<ExchangeBundleView> = [
    {
      title: t('exchange.col.direction'),
      key: 'direction',
      width: 90,
      render: (_, b) => (
        <Tag color={b.direction === 'export' ? 'blue' : 'green'}>{t(`exchange.direction.${b.direction}` as MessageKey)}</Tag>
      ),
    },
    { title: t('exchange.col.region'), key: 'region', render: (_, b) => b.regionName },
    {
      title: t('exchange.col.items'),
      key: 'items',
      width: 110,
      render: (_, b) => (b.direction === 'import' ? `${b.items}（${t('exchange.matched', { n: b.matched })}）` : b.items),
    },
    { title: t('exchange.col.sha256'), key: 'sha', render: (_, b) => <Typography.Text code>{b.sha256.slice(0, 16)}</Typography.Text> },
    { title: t('exchange.col.at'), key: 'at', width: 150, render: (_, b) => time(b.at) },
    { title: t('exchange.col.actor'), key: 'actor', width: 100, render: (_, b) => b.actorName ?? '—' },
  ];
  const recordColumns: TableColumnsType<ExchangeRecordView> = [
    { title: t('exchange.col.kind'), key: 'kind', width: 90, render: (_, r) => <Tag>{t(`exchange.kind.${r.kind}` as MessageKey)}</Tag> },
    {
      title: t('exchange.col.subject'),
      key: 'subject',
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{r.subjectName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.subjectCreditCode}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('exchange.col.content'),
      key: 'content',
      render: (_, r) =>
        r.item.kind === 'clue'
          ? `${t(`clues.rule.${r.item.rule}` as MessageKey)}：${r.item.summary.zh}`
          : r.item.kind === 'credit'
            ? t('exchange.creditLine', { tier: r.item.tier, score: r.item.score.toFixed(1) })
            : t('exchange.caseLine', { caseNo: r.item.caseNo, measures: r.item.measures.map((m) => m.zh).join('、') }),
    },
    { title: t('exchange.col.source'), key: 'source', width: 150, render: (_, r) => <Tag color="purple">{r.sourceRegionName}</Tag> },
    {
      title: t('exchange.col.local'),
      key: 'local',
      width: 200,
      render: (_, r) =>
        r.localOrgName ? (
          <Space direction="vertical" size={0}>
            <span>{r.localOrgName}</span>
            {r.localClueId ? <Tag color="red">{t('exchange.clueRaised')}</Tag> : null}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('exchange.notLocal')}</Typography.Text>
        ),
    },
    { title: t('exchange.col.importedAt'), key: 'importedAt', width: 150, render: (_, r) => time(r.importedAt) },
  ];

  return (
    <>
      <PageHeader title={t('exchange.title')} subtitle={t('exchange.subtitle')} testId="exchange-title" />
      {overview.error ? <QueryError error={overview.error} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('exchange.ourKey')} style={{ height: '100%' }}>
            {region ? (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text data-testid="exchange-region">
                  {region.name}（{region.code}）· {t('exchange.col.keyId')} <Typography.Text code>{region.keyId}</Typography.Text>
                </Typography.Text>
                <Typography.Paragraph copyable={{ text: region.publicKey }} style={{ marginBottom: 0 }}>
                  <pre style={{ fontSize: 12, margin: 0, whiteSpace: 'pre-wrap' }} data-testid="exchange-public-key">
                    {region.publicKey}
                  </pre>
                </Typography.Paragraph>
                <Typography.Text type="secondary">{t('exchange.ourKeyHint')}</Typography.Text>
              </Space>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={t('exchange.partners')}
            extra={
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="exchange-add-region">
                {t('exchange.addRegion')}
              </Button>
            }
            style={{ height: '100%' }}
          >
            <Table<ExchangeRegionView>
              rowKey="code"
              size="small"
              columns={regionColumns}
              dataSource={overview.data?.regions ?? []}
              pagination={false}
              locale={{ emptyText: t('exchange.noPartners') }}
              data-testid="exchange-regions"
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('exchange.export.title')}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Checkbox.Group<ExchangeKind>
                value={kinds}
                onChange={(v) => setKinds(v)}
                options={[
                  { value: 'clue', label: t('exchange.kind.clue') },
                  { value: 'credit', label: t('exchange.kind.credit') },
                  { value: 'case', label: t('exchange.kind.case') },
                ]}
              />
              <Space>
                <span>{t('exchange.export.since')}</span>
                <DatePicker value={since} onChange={setSince} allowClear />
              </Space>
              <Typography.Text type="secondary">{t('exchange.export.hint')}</Typography.Text>
              <Button
                type="primary"
                icon={<CloudDownloadOutlined />}
                disabled={kinds.length === 0}
                loading={writes.exportBundle.isPending}
                onClick={exportNow}
                data-testid="exchange-export"
              >
                {t('exchange.export.button')}
              </Button>
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('exchange.import.title')}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text type="secondary">{t('exchange.import.hint')}</Typography.Text>
              <Upload
                accept=".json,application/json"
                showUploadList={false}
                beforeUpload={(file) => {
                  void importFile(file);
                  return false;
                }}
              >
                <Button icon={<CloudUploadOutlined />} loading={writes.importBundle.isPending} data-testid="exchange-import">
                  {t('exchange.import.button')}
                </Button>
              </Upload>
              {importError ? <Alert type="error" showIcon message={importError} data-testid="exchange-import-error" /> : null}
              {imported ? <Alert type="success" showIcon message={imported} data-testid="exchange-import-done" /> : null}
            </Space>
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('exchange.received')}>
            <Segmented<ExchangeKind | 'any'>
              value={kind ?? 'any'}
              onChange={(v) => setKind(v === 'any' ? null : v)}
              options={[
                { value: 'any', label: t('clues.filter.any') },
                { value: 'clue', label: t('exchange.kind.clue') },
                { value: 'credit', label: t('exchange.kind.credit') },
                { value: 'case', label: t('exchange.kind.case') },
              ]}
              style={{ marginBottom: 12 }}
            />
            <QueryTable<ExchangeRecordView>
              query={records}
              rowKey="id"
              columns={recordColumns}
              dataSource={records.data ?? []}
              pagination={(records.data?.length ?? 0) > 20 ? { pageSize: 20 } : false}
              locale={{ emptyText: t('exchange.noRecords') }}
              scroll={{ x: 960 }}
              data-testid="exchange-records"
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('exchange.bundles')}>
            <Table<ExchangeBundleView>
              rowKey="id"
              size="small"
              columns={bundleColumns}
              dataSource={overview.data?.bundles ?? []}
              pagination={false}
              locale={{ emptyText: t('exchange.noBundles') }}
              data-testid="exchange-bundles"
            />
          </Card>
        </Col>
      </Row>
      <FormModal<{ code: string; name: string; publicKey: string }>
        open={adding}
        title={t('exchange.addRegion')}
        onClose={() => {
          setAdding(false);
          setAddError(null);
        }}
        form={form}
        pending={writes.addRegion.isPending}
        okText={t('exchange.addRegion.ok')}
        okTestId="exchange-add-region-ok"
        error={addError}
        onValuesChange={() => setAddError(null)}
        onFinish={(v) =>
          writes.addRegion.mutate(
            { code: v.code.trim(), name: v.name.trim(), publicKey: v.publicKey },
            {
              onSuccess: () => {
                setAdding(false);
                form.resetFields();
                void message.success(t('exchange.addRegion.done', { region: v.name }));
              },
              onError: (e) => setAddError(errorMessage(e, t('common.networkError'))),
            },
          )
        }
      >
        <Form.Item
          name="code"
          label={t('exchange.field.code')}
          rules={[{ required: true, pattern: /^\d{6}$/, message: t('exchange.field.codeRule') }]}
        >
          <Input placeholder="320500" maxLength={6} data-testid="exchange-region-code" />
        </Form.Item>
        <Form.Item name="name" label={t('exchange.field.name')} rules={[{ required: true, min: 2, max: 100 }]}>
          <Input placeholder="苏州市" data-testid="exchange-region-name" />
        </Form.Item>
        <Form.Item name="publicKey" label={t('exchange.field.publicKey')} rules={[{ required: true, min: 40 }]}>
          <Input.TextArea rows={5} placeholder="-----BEGIN PUBLIC KEY-----" data-testid="exchange-region-key" />
        </Form.Item>
      </FormModal>
    </>
  );
}
