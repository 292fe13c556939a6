/** The delete button at the end of a row of a Form.List (a SKU, a product of the terms): never removes the last row. */
import { DeleteOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../i18n/index.ts';

export function RemoveRowButton({ rows, onRemove }: { rows: number; onRemove: () => void }) {
  const { t } = useI18n();
  return <Button type="text" danger icon={<DeleteOutlined />} disabled={rows <= 1} onClick={onRemove} aria-label={t('common.remove')} />;
}
