/**
 * 监管沙盒: the named cohorts (e.g. digital-human streamers) with the rule categories relaxed for their members
 * (不扣分 or 减半), extra monitoring and a span of time; platform admins create them and add or remove members picked
 * by name, reviewers and regulators read them. A member's 我的信用 names the cohort until its end.
 */
import { ExperimentOutlined, PlusOutlined, TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { type CreditCohortCreate, type CreditCohortView, SCREENING_CATEGORIES } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  type ButtonProps,
  Card,
  DatePicker,
  Drawer,
  Form,
  Input,
  List,
  Popconfirm,
  Select,
  Space,
  Switch,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormModal } from '../../components/form-modal.tsx';
import { IconTitle } from '../../components/icon-title.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { QueryTable } from '../../components/query-table.tsx';
import { RemoveRowButton } from '../../components/remove-row-button.tsx';
import { type Translate, useI18n } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { useFormMutation } from '../../lib/form-mutation.ts';
import { type CreditCohortMember, creditApi, creditKeys, useCreditCohortMembers, useCreditCohorts } from '../../queries/credit.ts';
import { categoryLabel } from '../compliance/compliance-labels.tsx';
import { formatDay, formatTime, partyKindLabel } from './credit-labels.tsx';
import { useCreditPartyOptions } from './credit-party-options.tsx';

type Category = (typeof SCREENING_CATEGORIES)[number];
type RelaxMode = 'waive' | 'halve';
const RELAX_MODES: readonly RelaxMode[] = ['halve', 'waive'];

interface CohortValues {
  name: string;
  description?: string;
  relax: Array<{ category?: Category; mode?: RelaxMode }>;
  extraSampling: boolean;
  startsAt: Dayjs;
  endsAt?: Dayjs | null;
}

/** A relaxed category in words: 绝对化用语 · 减半. */
const relaxLabel = (t: Translate, r: { category: string; mode: RelaxMode }): string =>
  `${(SCREENING_CATEGORIES as readonly string[]).includes(r.category) ? categoryLabel(t, r.category as Category) : r.category} · ${t(`credit.cohort.relax.${r.mode}`)}`;

function CohortState({ cohort }: { cohort: CreditCohortView }) {
  const { t } = useI18n();
  const now = dayjs();
  if (now.isBefore(dayjs(cohort.startsAt))) return <Tag>{t('credit.cohort.state.pending')}</Tag>;
  if (!now.isBefore(dayjs(cohort.endsAt))) return <Tag color="default">{t('credit.cohort.state.ended')}</Tag>;
  return <Tag color="processing">{t('credit.cohort.state.active')}</Tag>;
}

function CohortCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<CohortValues>();
  const mutation = useFormMutation<CohortValues, CreditCohortView>({
    form,
    mutationFn: (v) => {
      const description = v.description?.trim();
      const body: CreditCohortCreate = {
        name: v.name.trim(),
        ...(description ? { description } : {}),
        relax: v.relax.flatMap((r) => (r.category && r.mode ? [{ category: r.category, mode: r.mode }] : [])),
        extraSampling: v.extraSampling,
        startsAt: v.startsAt.toISOString(),
        // the end date is the last day of the cohort: it ends when that day does
        endsAt: v.endsAt ? v.endsAt.endOf('day').toISOString() : '',
      };
      return creditApi.createCohort(body);
    },
    fields: ['name', 'description', 'relax', 'extraSampling', 'startsAt', 'endsAt'],
    success: 'credit.cohort.created',
    onSuccess: onClose,
    invalidate: [creditKeys.cohorts],
  });
  return (
    <FormModal<CohortValues>
      open={open}
      title={t('credit.cohort.create')}
      onClose={onClose}
      form={form}
      onFinish={(v) => mutation.mutate(v)}
      pending={mutation.isPending}
      okTestId="credit-cohort-create-ok"
      testId="credit-cohort-create-modal"
      width={620}
      initialValues={{ relax: [{ mode: 'halve' }], extraSampling: true, startsAt: dayjs() }}
    >
      <Form.Item name="name" label={t('credit.cohort.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input maxLength={60} placeholder={t('credit.cohort.namePlaceholder')} data-testid="credit-cohort-name" />
      </Form.Item>
      <Form.Item name="description" label={t('credit.cohort.description')}>
        <Input.TextArea rows={2} maxLength={500} showCount data-testid="credit-cohort-description" />
      </Form.Item>
      <Typography.Text strong>{t('credit.cohort.relax')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('credit.cohort.relax.hint')}
      </Typography.Paragraph>
      <Form.List name="relax">
        {(fields, { add, remove }) => (
          <div style={{ marginBottom: 16 }}>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                <Form.Item name={[field.name, 'category']} rules={[{ required: true, message: t('common.required') }]}>
                  <Select
                    style={{ width: 220 }}
                    placeholder={t('credit.cohort.category')}
                    options={SCREENING_CATEGORIES.map((c) => ({
                      value: c,
                      label: <span data-testid={`credit-cohort-category-${c}`}>{categoryLabel(t, c)}</span>,
                    }))}
                    data-testid="credit-cohort-category"
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'mode']} rules={[{ required: true, message: t('common.required') }]}>
                  <Select
                    style={{ width: 160 }}
                    options={RELAX_MODES.map((m) => ({
                      value: m,
                      label: <span data-testid={`credit-cohort-mode-${m}`}>{t(`credit.cohort.relax.${m}`)}</span>,
                    }))}
                    data-testid="credit-cohort-mode"
                  />
                </Form.Item>
                <RemoveRowButton rows={fields.length + 1} onRemove={() => remove(field.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ mode: 'halve' })} block>
              {t('credit.cohort.relax.add')}
            </Button>
          </div>
        )}
      </Form.List>
      <Form.Item name="extraSampling" label={t('credit.cohort.extraSampling')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Space size={16} wrap>
        <Form.Item name="startsAt" label={t('credit.cohort.startsAt')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker showTime style={{ width: 220 }} data-testid="credit-cohort-starts" />
        </Form.Item>
        <Form.Item name="endsAt" label={t('credit.cohort.endsAt')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker style={{ width: 220 }} data-testid="credit-cohort-ends" />
        </Form.Item>
      </Space>
    </FormModal>
  );
}

/** A cohort's members: who is in it since when, who left; platform admins add a party by name and remove one. */
function MembersDrawer({ cohort, canWrite, onClose }: { cohort: CreditCohortView | null; canWrite: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [partyId, setPartyId] = useState<string | undefined>(undefined);
  const members = useCreditCohortMembers(cohort?.id ?? '', { enabled: cohort !== null });
  const parties = useCreditPartyOptions(null);
  const key = creditKeys.members(cohort?.id ?? '');
  const done = async () => {
    // a member's credit now names the cohort (or no longer does)
    await queryClient.invalidateQueries({ queryKey: creditKeys.all });
  };
  const add = useMutation({
    mutationFn: (id: string) => creditApi.addMember(cohort?.id ?? '', id),
    onSuccess: async (r) => {
      queryClient.setQueryData(key, r);
      setPartyId(undefined);
      message.success(t('credit.cohort.memberAdded'));
      await done();
    },
    onError: (e) => message.error(errorMessage(e, t('common.networkError'))),
  });
  const remove = useMutation({
    mutationFn: (id: string) => creditApi.removeMember(cohort?.id ?? '', id),
    onSuccess: async (r) => {
      queryClient.setQueryData(key, r);
      message.success(t('credit.cohort.memberRemoved'));
      await done();
    },
    onError: (e) => message.error(errorMessage(e, t('common.networkError'))),
  });
  const items = [...(members.data?.items ?? [])].sort((a, b) => Number(a.removedAt !== null) - Number(b.removedAt !== null));
  return (
    <Drawer
      open={cohort !== null}
      onClose={onClose}
      size={560}
      destroyOnHidden
      title={cohort ? <IconTitle icon={<TeamOutlined />}>{t('credit.cohort.membersOf', { name: cohort.name })}</IconTitle> : ''}
      data-testid="credit-cohort-members"
    >
      {canWrite ? (
        <Space.Compact style={{ width: '100%', marginBottom: 16 }}>
          <Select
            showSearch={{ optionFilterProp: 'search' }}
            style={{ width: '100%' }}
            value={partyId}
            onChange={setPartyId}
            options={parties.options}
            loading={parties.loading}
            placeholder={t('credit.record.partyPlaceholder')}
            data-testid="credit-cohort-party"
          />
          <Button
            type="primary"
            icon={<UserAddOutlined />}
            disabled={!partyId}
            loading={add.isPending}
            onClick={() => partyId && add.mutate(partyId)}
            data-testid="credit-cohort-add"
          >
            {t('credit.cohort.add')}
          </Button>
        </Space.Compact>
      ) : null}
      {members.error ? (
        <QueryError error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <List<CreditCohortMember>
          loading={members.isPending}
          dataSource={items}
          locale={{ emptyText: t('credit.cohort.noMembers') }}
          renderItem={(m) => (
            <List.Item
              data-testid="credit-cohort-member"
              actions={
                canWrite && m.removedAt === null
                  ? [
                      <Popconfirm
                        key="remove"
                        title={t('credit.cohort.removeConfirm', { name: m.partyName })}
                        onConfirm={() => remove.mutate(m.partyId)}
                        okButtonProps={{ 'data-testid': 'credit-cohort-remove-ok' } as ButtonProps}
                      >
                        <Button size="small" danger data-testid="credit-cohort-remove">
                          {t('credit.cohort.remove')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <Space orientation="vertical" size={0}>
                <Space size={6}>
                  <Typography.Text strong>{m.partyName}</Typography.Text>
                  <Tag>{partyKindLabel(t, m.partyKind)}</Tag>
                  {m.removedAt ? <Tag color="default">{t('credit.cohort.removed')}</Tag> : null}
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {m.removedAt
                    ? t('credit.cohort.memberSpan', { from: formatTime(m.addedAt), to: formatTime(m.removedAt) })
                    : t('credit.cohort.memberSince', { from: formatTime(m.addedAt) })}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}

export function CreditCohortsCard({ canWrite }: { canWrite: boolean }) {
  const { t } = useI18n();
  const cohorts = useCreditCohorts();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<CreditCohortView | null>(null);
  const columns: TableColumnsType<CreditCohortView> = [
    {
      title: t('credit.cohort.name'),
      key: 'name',
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{c.name}</Typography.Text>
          {c.description ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.description}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('credit.cohort.relax'),
      key: 'relax',
      render: (_, c) => (
        <Space size={[4, 4]} wrap>
          {c.relax.length === 0 ? <Typography.Text type="secondary">{t('credit.cohort.relax.none')}</Typography.Text> : null}
          {c.relax.map((r) => (
            <Tag key={r.category} color={r.mode === 'waive' ? 'green' : 'gold'}>
              {relaxLabel(t, r)}
            </Tag>
          ))}
          {c.extraSampling ? <Tag color="purple">{t('credit.cohort.extraSampling')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('credit.cohort.span'),
      key: 'span',
      width: 230,
      render: (_, c) => (
        <Space size={6}>
          <span>
            {formatDay(c.startsAt)} ～ {formatDay(c.endsAt)}
          </span>
          <CohortState cohort={c} />
        </Space>
      ),
    },
    {
      title: t('credit.col.actions'),
      key: 'actions',
      width: 110,
      render: (_, c) => (
        <Button size="small" icon={<TeamOutlined />} onClick={() => setOpen(c)} data-testid="credit-cohort-open">
          {t('credit.cohort.members')}
        </Button>
      ),
    },
  ];
  return (
    <Card
      title={<IconTitle icon={<ExperimentOutlined />}>{t('credit.cohorts')}</IconTitle>}
      extra={
        canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="credit-cohort-create">
            {t('credit.cohort.create')}
          </Button>
        ) : null
      }
      data-testid="credit-cohorts"
    >
      <Typography.Paragraph type="secondary">{t('credit.cohorts.hint')}</Typography.Paragraph>
      <QueryTable<CreditCohortView>
        query={cohorts}
        rowKey="id"
        columns={columns}
        dataSource={cohorts.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('credit.cohorts.empty') }}
        scroll={{ x: 820 }}
        data-testid="credit-cohorts-table"
      />
      {canWrite ? <CohortCreateModal open={creating} onClose={() => setCreating(false)} /> : null}
      <MembersDrawer cohort={open} canWrite={canWrite} onClose={() => setOpen(null)} />
    </Card>
  );
}
