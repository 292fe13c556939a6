/** CSV export of the registers for regulators and the platform (GET /api/registry/export.csv; plain download links). */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useI18n } from '../../i18n/index.ts';
import { type ExportKind, exportCsvUrl } from '../../lib/endpoints.ts';

const KINDS: readonly ExportKind[] = ['bases', 'streamers', 'merchants'];

export function ExportButtons() {
  const { t } = useI18n();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: KINDS.map((kind) => ({
          key: kind,
          label: (
            <a href={exportCsvUrl(kind)} download data-testid={`export-${kind}`}>
              {t(`registry.approvals.export.${kind}`)}
            </a>
          ),
        })),
      }}
    >
      <Button icon={<DownloadOutlined />} data-testid="export-csv">
        {t('registry.approvals.export')}
      </Button>
    </Dropdown>
  );
}
