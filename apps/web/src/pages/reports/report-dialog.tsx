/**
 * 举报 button and form: anyone — signed in or not — reports a live room or a product. A signed-in reporter may attach
 * evidence (the document store sniffs every file) and follows the report under 我的举报; an anonymous one gets the
 * tracking code once, with a copy button, to follow it on 举报查询.
 */
import { FlagOutlined } from '@ant-design/icons';
import type { ReportReceipt, ReportTargetKind } from '@livehub/contracts';
import { Alert, Button, Form, Input, Modal, Result, Select, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { DocumentUpload } from '../../components/document-upload.tsx';
import { useI18n } from '../../i18n/index.ts';
import type { RegistryDocument } from '../../lib/api-types.ts';
import { applyFieldError, errorMessage } from '../../lib/form-errors.ts';
import { MeContext, useMeQuery } from '../../lib/session.ts';
import { useFileReport } from '../../queries/reports.ts';
import { categoryOptions, targetLabel } from './report-labels.tsx';

interface FormValues {
  category: string;
  description: string;
  evidence?: RegistryDocument[];
  contactPhone?: string;
}

const FIELDS = ['category', 'description', 'evidenceDocumentIds', 'contactPhone'] as const;

export function ReportButton({
  targetKind,
  targetId,
  size = 'small',
  testId = 'report-button',
}: {
  targetKind: ReportTargetKind;
  targetId: string;
  size?: 'small' | 'middle';
  testId?: string;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size={size} shape="round" icon={<FlagOutlined />} onClick={() => setOpen(true)} data-testid={testId}>
        {t('reports.button')}
      </Button>
      {open ? <ReportDialog targetKind={targetKind} targetId={targetId} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function ReportDialog({ targetKind, targetId, onClose }: { targetKind: ReportTargetKind; targetId: string; onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const me = useMeQuery().data ?? null;
  const [form] = Form.useForm<FormValues>();
  const file = useFileReport();
  const [done, setDone] = useState<ReportReceipt | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: FormValues) => {
    setError(null);
    try {
      const r = await file.mutateAsync({
        targetKind,
        targetId,
        category: v.category as ReportReceipt['category'],
        description: v.description,
        evidenceDocumentIds: (v.evidence ?? []).map((d) => d.id),
        ...(v.contactPhone ? { contactPhone: v.contactPhone } : {}),
      });
      setDone(r);
    } catch (e) {
      if (!applyFieldError(form, e, FIELDS)) setError(errorMessage(e, t('reports.form.submit')));
    }
  };

  return (
    <Modal
      open
      title={t('reports.form.title', { target: targetLabel(t, targetKind) })}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      data-testid="report-dialog"
    >
      {done ? (
        <Result
          status="success"
          title={t('reports.done.title')}
          subTitle={done.trackingCode ? t('reports.done.anonymous') : t('reports.done.signedIn')}
          extra={
            done.trackingCode ? (
              <div>
                <Typography.Text type="secondary">{t('reports.done.code')}</Typography.Text>
                <Typography.Title level={3} copyable={{ text: done.trackingCode }} style={{ marginTop: 4 }} data-testid="report-code">
                  {done.trackingCode}
                </Typography.Title>
                <Button type="primary" onClick={() => navigate(`/reports/track?code=${encodeURIComponent(done.trackingCode ?? '')}`)}>
                  {t('reports.done.track')}
                </Button>
              </div>
            ) : (
              <Button type="primary" onClick={() => navigate('/reports/mine')} data-testid="report-go-mine">
                {t('reports.done.mine')}
              </Button>
            )
          }
        />
      ) : (
        <Form<FormValues> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Alert type="info" showIcon message={t('reports.form.privacy')} style={{ marginBottom: 16 }} />
          <Form.Item name="category" label={t('reports.form.category')} rules={[{ required: true, message: t('reports.form.required') }]}>
            <Select options={categoryOptions(t)} data-testid="report-category" />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('reports.form.description')}
            extra={t('reports.form.descriptionHint')}
            rules={[{ required: true, min: 5, message: t('reports.form.tooShort') }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount data-testid="report-description" />
          </Form.Item>
          {me ? (
            <MeContext.Provider value={me}>
              <Form.Item name="evidence" label={t('reports.form.evidence')}>
                <DocumentUpload docType="other" multiple />
              </Form.Item>
            </MeContext.Provider>
          ) : (
            <Typography.Paragraph type="secondary">{t('reports.form.evidenceHint')}</Typography.Paragraph>
          )}
          <Form.Item
            name="contactPhone"
            label={t('reports.form.phone')}
            extra={t('reports.form.phoneHint')}
            rules={[{ pattern: /^1\d{10}$/, message: t('reports.form.badPhone') }]}
          >
            <Input maxLength={11} inputMode="tel" data-testid="report-phone" />
          </Form.Item>
          {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="report-error" /> : null}
          <Button type="primary" danger htmlType="submit" block loading={file.isPending} data-testid="report-submit">
            {t('reports.form.submit')}
          </Button>
        </Form>
      )}
    </Modal>
  );
}
