/**
 * 人才培训 / 人才库: an MCN manager, a base operator or the platform records training hours for a person (an MCN's
 * own streamers, the people of a base's hosted organizations) and looks up their talent record: marketer level,
 * streamer certification and every training with the total hours.
 */
import { ReadOutlined, SolutionOutlined } from '@ant-design/icons';
import type { Me, Role } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Statistic,
  Table,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { type Translate, useI18n } from '../../i18n/index.ts';
import { isApiError } from '../../lib/api-client.ts';
import type { TrainingRecord, TrainingRequest } from '../../lib/api-types.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { applyFieldError } from '../../lib/form-errors.ts';
import { useMe } from '../../lib/session.ts';
import { useMembers } from '../../queries/identity.ts';
import { registryKeys, useTalent } from '../../queries/registry.ts';
import { collectDocuments, DocumentField, type DocumentValues } from './apply-layout.tsx';
import { normalizeIdentifier, UUID_PATTERN } from './identifiers.ts';
import { marketerLevelLabel, StreamerStatusTag } from './registry-labels.tsx';
import { registryErrorMessage } from './registry-errors.ts';
import './registry.css';

interface TrainingForm {
  userId: string;
  course: string;
  hours: number;
  completedAt: Dayjs;
  docs?: DocumentValues;
}

const FIELDS = ['userId', 'course', 'hours', 'completedAt'] as const;
/** Roles that pick the person from their organization's streamers rather than typing a user id. */
const PICKS_STREAMERS: readonly Role[] = ['mcn_manager'];

/** Talent API errors as clear messages: an unknown user, or a person outside the caller's organizations. */
function talentErrorMessage(t: Translate, error: unknown): string {
  if (isApiError(error)) {
    if (error.code === 'user.not_found') return t('talent.error.userNotFound');
    if (error.code === 'auth.tenant') return t('talent.error.tenant');
  }
  return registryErrorMessage(t, error);
}

function isUserId(value: string | undefined): value is string {
  return value !== undefined && UUID_PATTERN.test(value.trim());
}

export function TalentPage() {
  const { t } = useI18n();
  const me = useMe();
  const [lookupInput, setLookupInput] = useState('');
  const [lookupId, setLookupId] = useState<string | null>(null);

  const showRecord = (userId: string) => {
    setLookupInput(userId);
    setLookupId(userId);
  };

  return (
    <div data-testid="talent-page">
      <PageHeader title={t('talent.title')} subtitle={t('talent.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <TrainingCard me={me} onPerson={showRecord} />
        </Col>
        <Col xs={24} xl={14}>
          <Card
            title={
              <span>
                <SolutionOutlined style={{ marginInlineEnd: 8 }} />
                {t('talent.lookup')}
              </span>
            }
          >
            <Input.Search
              value={lookupInput}
              onChange={(event) => setLookupInput(event.target.value)}
              onSearch={(value) => {
                const id = normalizeIdentifier(value).toLowerCase();
                setLookupId(isUserId(id) ? id : null);
              }}
              status={lookupInput.trim() && !isUserId(lookupInput) ? 'error' : undefined}
              placeholder={t('talent.lookupPlaceholder')}
              enterButton={t('talent.lookupSubmit')}
              allowClear
              className="lh-mono"
              style={{ marginBottom: 16 }}
              data-testid="talent-lookup"
            />
            {lookupId ? <TalentRecordView userId={lookupId} /> : <Empty description={t('talent.lookupEmpty')} />}
          </Card>
        </Col>
      </Row>
    </div>
  );
}

function TrainingCard({ me, onPerson }: { me: Me; onPerson: (userId: string) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TrainingForm>();
  const [formError, setFormError] = useState<string | null>(null);
  const [uploadKey, setUploadKey] = useState(0);
  const orgId = me.active?.orgId;
  const picksStreamers = PICKS_STREAMERS.includes(me.role) && orgId !== undefined;

  const members = useMembers(orgId ?? '', { enabled: picksStreamers });
  const streamers = (members.data?.items ?? []).filter((m) => m.role === 'streamer');

  const submit = useMutation({
    mutationFn: (values: TrainingForm) => {
      const body: TrainingRequest = {
        userId: values.userId.trim(),
        course: values.course.trim(),
        hours: values.hours,
        completedAt: values.completedAt.format('YYYY-MM-DD'),
      };
      const documentId = collectDocuments(values.docs)[0]?.id;
      if (documentId) body.documentId = documentId;
      return endpoints.recordTraining(body).then(() => body);
    },
    onMutate: () => setFormError(null),
    onSuccess: async (body) => {
      message.success(t('talent.recorded', { hours: body.hours }));
      form.resetFields(['course', 'hours', 'docs']);
      setUploadKey((key) => key + 1);
      onPerson(body.userId);
      await queryClient.invalidateQueries({ queryKey: registryKeys.talent(body.userId) });
    },
    onError: (error) => {
      const message = talentErrorMessage(t, error);
      if (isApiError(error) && error.code === 'auth.tenant') form.setFields([{ name: 'userId', errors: [message] }]);
      else applyFieldError(form, error, FIELDS);
      setFormError(message);
    },
  });

  const required = { required: true, whitespace: true, message: t('common.required') };

  return (
    <Card
      title={
        <span>
          <ReadOutlined style={{ marginInlineEnd: 8 }} />
          {t('talent.record')}
        </span>
      }
    >
      <Form<TrainingForm>
        form={form}
        layout="vertical"
        data-testid="training-form"
        initialValues={{ completedAt: dayjs() }}
        onFinish={(values) => submit.mutate(values)}
        onFinishFailed={() => setFormError(t('registry.apply.fixErrors'))}
        onValuesChange={(changed: Partial<TrainingForm>) => {
          setFormError(null);
          if (picksStreamers && isUserId(changed.userId)) onPerson(changed.userId);
        }}
      >
        {picksStreamers ? (
          <Form.Item name="userId" label={t('talent.streamer')} rules={[{ required: true, message: t('common.required') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('talent.streamerPlaceholder')}
              loading={members.isPending}
              notFoundContent={members.isPending ? <Skeleton.Input active size="small" /> : t('talent.noStreamers')}
              options={streamers.map((s) => ({
                value: s.userId,
                label: `${s.displayName} (@${s.username})`,
                'data-testid': `talent-streamer-${s.username}`,
              }))}
              data-testid="training-user"
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="userId"
            label={t('talent.userId')}
            validateTrigger={['onChange', 'onBlur']}
            rules={[
              required,
              {
                validator: (_rule, value: string | undefined) =>
                  !value?.trim() || isUserId(value) ? Promise.resolve() : Promise.reject(new Error(t('registry.v.uuid'))),
              },
            ]}
          >
            <Input className="lh-mono" placeholder={t('talent.userIdPlaceholder')} data-testid="training-user" autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          name="course"
          label={t('talent.course')}
          rules={[required, { min: 2, max: 100, message: t('registry.v.length', { min: 2, max: 100 }) }]}
        >
          <Input placeholder={t('talent.coursePlaceholder')} maxLength={100} data-testid="training-course" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="hours"
              label={t('talent.hours')}
              rules={[
                { required: true, message: t('common.required') },
                { type: 'integer', min: 1, max: 1000, message: t('talent.v.hours') },
              ]}
            >
              <InputNumber<number>
                min={1}
                max={1000}
                precision={0}
                suffix={t('talent.hoursUnit')}
                style={{ width: '100%' }}
                data-testid="training-hours"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="completedAt" label={t('talent.completedAt')} rules={[{ required: true, message: t('talent.v.date') }]}>
              <DatePicker
                format="YYYY-MM-DD"
                allowClear={false}
                disabledDate={(date) => date.isAfter(dayjs(), 'day')}
                style={{ width: '100%' }}
                data-testid="training-date"
              />
            </Form.Item>
          </Col>
        </Row>
        <DocumentField key={uploadKey} docType="training_certificate" requirement="optional" />

        {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="training-error" /> : null}
        <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="training-submit">
          {t('talent.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function TalentRecordView({ userId }: { userId: string }) {
  const { t } = useI18n();
  const talent = useTalent(userId, { retry: false });

  if (talent.isPending) return <Skeleton active />;
  if (talent.error) {
    return (
      <Alert
        type="error"
        showIcon
        title={talentErrorMessage(t, talent.error)}
        data-testid="talent-error"
        action={
          <Button size="small" onClick={() => void talent.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  const record = talent.data;
  const columns: TableColumnsType<TrainingRecord> = [
    { title: t('talent.course'), dataIndex: 'course' },
    { title: t('talent.hours'), dataIndex: 'hours', width: 100, align: 'right' },
    { title: t('talent.completedAt'), dataIndex: 'completedAt', width: 140, render: (value: string) => value.slice(0, 10) },
  ];
  return (
    <div data-testid="talent-record" data-user-id={record.userId}>
      <Row gutter={16} align="middle" style={{ marginBottom: 16 }}>
        <Col flex="auto">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('talent.displayName')}>
              <span data-testid="talent-name">{record.displayName}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('talent.marketerLevel')}>
              {record.marketerLevel ? marketerLevelLabel(t, record.marketerLevel) : t('common.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('talent.streamerStatus')}>
              <StreamerStatusTag status={record.streamerStatus} />
            </Descriptions.Item>
          </Descriptions>
        </Col>
        <Col flex="none">
          <Statistic
            title={t('talent.totalHours')}
            value={record.totalHours}
            suffix={t('talent.hoursUnit')}
            valueRender={(node) => (
              <span data-testid="talent-total-hours" data-value={record.totalHours}>
                {node}
              </span>
            )}
          />
        </Col>
      </Row>
      <Table<TrainingRecord>
        rowKey="id"
        size="small"
        title={() => t('talent.training')}
        columns={columns}
        dataSource={record.training}
        pagination={false}
        locale={{ emptyText: t('talent.noTraining') }}
        data-testid="talent-training"
      />
    </div>
  );
}
