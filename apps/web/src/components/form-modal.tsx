/** A modal around a vertical antd form: OK submits the form, the form's values go to `onFinish`. */
import { Alert, type ButtonProps, Form, type FormInstance, Modal, type ModalProps } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.ts';

export interface FormModalProps<V> {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  form: FormInstance<V>;
  onFinish: (values: V) => void;
  /** the request is running: the OK button spins */
  pending: boolean;
  /** the OK button's text; 新建 by default */
  okText?: string;
  initialValues?: Partial<V>;
  /** shown above the form */
  intro?: ReactNode;
  width?: number;
  okButtonProps?: ModalProps['okButtonProps'];
  /** the OK button's data-testid (browser tests press it by this) */
  okTestId?: string;
  /** the modal's data-testid */
  testId?: string;
  formTestId?: string;
  /** called on every edit, e.g. to clear a server error shown below the form */
  onValuesChange?: () => void;
  /** a server error shown below the form */
  error?: string | null;
  errorTestId?: string;
  children: ReactNode;
}

export function FormModal<V>(props: FormModalProps<V>) {
  const { t } = useI18n();
  const { open, title, onClose, form, onFinish, pending, okText, initialValues, intro, width, formTestId, children } = props;
  const { okTestId, testId, onValuesChange, error, errorTestId } = props;
  // antd's ButtonProps has no data-* keys, hence the cast (as at every other test id on an OK button)
  const okButtonProps = okTestId ? ({ ...props.okButtonProps, 'data-testid': okTestId } as ButtonProps) : props.okButtonProps;
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText ?? t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      destroyOnHidden
      {...(width !== undefined ? { width } : {})}
      {...(okButtonProps ? { okButtonProps } : {})}
      {...(testId ? { 'data-testid': testId } : {})}
    >
      {intro}
      <Form<V>
        form={form}
        layout="vertical"
        preserve={false}
        {...(initialValues ? { initialValues } : {})}
        onFinish={onFinish}
        {...(onValuesChange ? { onValuesChange } : {})}
        {...(formTestId ? { 'data-testid': formTestId } : {})}
      >
        {children}
      </Form>
      {error ? <Alert type="error" showIcon title={error} {...(errorTestId ? { 'data-testid': errorTestId } : {})} /> : null}
    </Modal>
  );
}
