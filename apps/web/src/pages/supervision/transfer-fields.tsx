/**
 * 移送: the department to hand a clue or a case to, and the reason — the fields both transfer dialogs share
 * (监管线索 and 案件), inside their FormModal.
 */
import { Form, Input, Select } from 'antd';
import { useI18n } from '../../i18n/index.ts';

export const REASON_MIN = 2;
export const REASON_MAX = 1000;

export function TransferFields(props: {
  departments: Array<{ code: string; name: string }>;
  testIdPrefix: 'clue' | 'case';
  placeholder?: string;
}) {
  const { t } = useI18n();
  const { departments, testIdPrefix, placeholder } = props;
  return (
    <>
      <Form.Item
        name="departmentCode"
        label={t('clues.transfer.department')}
        rules={[{ required: true, message: t('clues.transfer.departmentRequired') }]}
      >
        <Select options={departments.map((d) => ({ value: d.code, label: d.name }))} data-testid={`${testIdPrefix}-transfer-department`} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('clues.transfer.reason')}
        rules={[
          { required: true, whitespace: true, message: t('clues.transfer.reasonRequired') },
          { min: REASON_MIN, message: t('clues.dismiss.reasonTooShort', { min: REASON_MIN }) },
        ]}
      >
        <Input.TextArea
          rows={3}
          maxLength={REASON_MAX}
          {...(placeholder ? { placeholder } : {})}
          data-testid={`${testIdPrefix}-transfer-reason`}
        />
      </Form.Item>
    </>
  );
}
