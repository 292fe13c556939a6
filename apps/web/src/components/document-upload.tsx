/**
 * One document field of an application form: antd Upload whose `customRequest` posts the raw file bytes
 * (not multipart) to POST /api/documents with the session's CSRF token. As a form control its value is the list
 * of uploaded documents ({ id, docType, … }) of this kind.
 */
import { CheckCircleFilled, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Tag, Typography, Upload, type UploadFile, type UploadProps } from 'antd';
import { useState } from 'react';
import { type MessageKey, type Translate, useI18n } from '../i18n/index.ts';
import type { DocumentKind, RegistryDocument } from '../lib/api-types.ts';
import { uploadDocument } from '../lib/endpoints.ts';
import { useMe } from '../lib/session.ts';
import { docKindLabel } from '../pages/registry/registry-labels.tsx';
import { registryErrorMessage } from '../pages/registry/registry-errors.ts';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
const ACCEPTED_EXTENSIONS = /\.(pdf|jpe?g|png)$/i;

export type Requirement = 'required' | 'optional' | 'conditional';

function isDocument(value: unknown): value is RegistryDocument {
  return typeof value === 'object' && value !== null && 'id' in value && 'sha256' in value;
}

/**
 * The Upload handlers that upload files as documents of `docType`, and the field's error. `beforeUpload` refuses a
 * file `accepts` does not take (saying `badType`) or one too large; `customRequest` sends it, and a failed upload sets
 * the error to the file's name and the reason; `onChange` hands `onFiles` the list without the failed files.
 * `progress` moves the file's bar (30% sent, 100% stored); `onUploaded` hears of each stored document with its file.
 */
export function useDocumentUpload(
  docType: DocumentKind,
  {
    progress = false,
    onUploaded,
    accepts,
    badType,
    onFiles,
  }: {
    progress?: boolean;
    onUploaded?: (doc: RegistryDocument, file: File) => void;
    accepts: (file: { name: string; type: string }) => boolean;
    badType: MessageKey;
    onFiles: (files: UploadFile<RegistryDocument>[]) => void;
  },
) {
  const { t, locale } = useI18n();
  const me = useMe();
  const [error, setError] = useState<string | null>(null);
  const customRequest: UploadProps<RegistryDocument>['customRequest'] = ({ file, onSuccess, onError, onProgress }) => {
    if (!(file instanceof File)) return;
    if (progress) onProgress?.({ percent: 30 });
    uploadDocument({ file, docType, csrfToken: me.csrfToken, locale })
      .then((doc) => {
        if (progress) onProgress?.({ percent: 100 });
        onUploaded?.(doc, file);
        onSuccess?.(doc);
      })
      .catch((cause: unknown) => {
        const reason = registryErrorMessage(t, cause);
        setError(t('registry.upload.failed', { file: file.name, reason }));
        onError?.(new Error(reason));
      });
  };
  const beforeUpload: UploadProps<RegistryDocument>['beforeUpload'] = (file) => {
    const refusal = uploadRefusal(t, file, accepts(file), badType);
    setError(refusal);
    return refusal ? Upload.LIST_IGNORE : true;
  };
  // failed uploads are reported below and dropped from the list
  const onChange: UploadProps<RegistryDocument>['onChange'] = ({ fileList }) => onFiles(fileList.filter((f) => f.status !== 'error'));
  return { customRequest, beforeUpload, onChange, error };
}

export function DocumentUpload({
  docType,
  value,
  onChange,
  multiple = false,
  hint,
}: {
  docType: DocumentKind;
  /** what the document is, shown above the button */
  hint?: string | undefined;
  value?: RegistryDocument[];
  onChange?: (docs: RegistryDocument[]) => void;
  multiple?: boolean;
}) {
  const { t } = useI18n();
  const [files, setFiles] = useState<UploadFile<RegistryDocument>[]>(() =>
    (value ?? []).map((doc) => ({ uid: doc.id, name: doc.filename, status: 'done', response: doc })),
  );
  const emit = (list: UploadFile<RegistryDocument>[]) => {
    const docs = list.flatMap((f) => (f.status === 'done' && isDocument(f.response) ? [f.response] : []));
    const before = (value ?? []).map((d) => d.id).join(',');
    if (docs.map((d) => d.id).join(',') !== before) onChange?.(docs);
  };
  const upload = useDocumentUpload(docType, {
    progress: true,
    accepts: (file) => ACCEPTED_EXTENSIONS.test(file.name) || ['application/pdf', 'image/jpeg', 'image/png'].includes(file.type),
    badType: 'registry.upload.badType',
    onFiles: (kept) => {
      setFiles(kept);
      emit(kept);
    },
  });

  return (
    <div data-testid={`doc-upload-${docType}`} data-uploaded={(value ?? []).length}>
      {hint ? (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 6 }}>
          {hint}
        </Typography.Text>
      ) : null}
      <Upload<RegistryDocument>
        accept={ACCEPT}
        multiple={multiple}
        maxCount={multiple ? 10 : 1}
        fileList={files}
        customRequest={upload.customRequest}
        beforeUpload={upload.beforeUpload}
        onChange={upload.onChange}
        iconRender={(file) => (file.status === 'done' ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <PaperClipOutlined />)}
      >
        <Button icon={<UploadOutlined />} data-testid={`doc-upload-button-${docType}`}>
          {t('registry.upload.button')}
        </Button>
      </Upload>
      <UploadError error={upload.error} />
    </div>
  );
}

/** Why a chosen file is not uploaded (not a type this upload takes, or too large), in words; null when it may be. */
export function uploadRefusal(t: Translate, file: { name: string; size: number }, accepted: boolean, badType: MessageKey): string | null {
  if (!accepted) return t('registry.upload.failed', { file: file.name, reason: t(badType) });
  if (file.size > MAX_UPLOAD_BYTES) return t('registry.upload.failed', { file: file.name, reason: t('registry.upload.tooLarge') });
  return null;
}

/** What went wrong with the last file, under the upload. */
export function UploadError({ error }: { error: string | null }) {
  return error ? (
    <Typography.Text type="danger" style={{ display: 'block', marginTop: 4, fontSize: 12 }} data-testid="upload-error">
      {error}
    </Typography.Text>
  ) : null;
}

/** The label of a document field: its kind and whether it is required. */
export function DocumentLabel({ docType, requirement }: { docType: DocumentKind; requirement: Requirement }) {
  const { t } = useI18n();
  const color = requirement === 'required' ? 'red' : requirement === 'conditional' ? 'orange' : 'default';
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      {docKindLabel(t, docType)}
      <Tag color={color} variant="filled" style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '18px' }}>
        {t(`registry.upload.${requirement}`)}
      </Tag>
    </span>
  );
}
