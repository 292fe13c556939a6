/** A modal around a vertical antd form: OK submits the form, the form's values go to `onFinish`. */
import { Form, type FormInstance, Modal, type ModalProps } from 'antd';
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
  formTestId?: string;
  children: ReactNode;
}

export function FormModal<V>(props: FormModalProps<V>) {
  const { t } = useI18n();
  const { open, title, onClose, form, onFinish, pending, okText, initialValues, intro, width, okButtonProps, formTestId, children } = props;
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
    >
      {intro}
      <Form<V>
        form={form}
        layout="vertical"
        preserve={false}
        {...(initialValues ? { initialValues } : {})}
        onFinish={onFinish}
        {...(formTestId ? { 'data-testid': formTestId } : {})}
      >
        {children}
      </Form>
    </Modal>
  );
}
