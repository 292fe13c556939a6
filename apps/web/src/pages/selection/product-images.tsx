/**
 * 商品图片: a form control over the product's image document ids. Each picture is uploaded as a `product_image`
 * document (raw bytes, JPEG or PNG); pictures already on the product are shown from the product's image route,
 * new ones from the local file until the product is saved.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Typography, Upload, type UploadFile } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { UploadError, useDocumentUpload } from '../../components/document-upload.tsx';
import { useI18n } from '../../i18n/index.ts';
import type { RegistryDocument } from '../../lib/api-types.ts';
import { productImageUrl } from '../../lib/endpoints.ts';

export const MAX_IMAGES = 9;

export function ProductImagesInput({
  productId,
  value,
  onChange,
}: {
  /** the saved product, whose images are served from its route */
  productId?: string | undefined;
  value?: string[];
  onChange?: (ids: string[]) => void;
}) {
  const { t } = useI18n();
  const previews = useRef(new Map<string, string>());
  const upload = useDocumentUpload('product_image', {
    onUploaded: (doc, file) => previews.current.set(doc.id, URL.createObjectURL(file)),
    accepts: (file) => ['image/jpeg', 'image/png'].includes(file.type) || /\.(jpe?g|png)$/i.test(file.name),
    badType: 'catalog.images.badType',
    onFiles: (kept) => {
      setFiles(kept);
      emit(kept);
    },
  });
  const [files, setFiles] = useState<UploadFile<RegistryDocument>[]>(() =>
    (value ?? []).map((id) => ({
      uid: id,
      name: id,
      status: 'done',
      url: productId ? productImageUrl(productId, id) : undefined,
      response: { id } as RegistryDocument,
    })),
  );

  useEffect(() => {
    const urls = previews.current;
    return () => {
      for (const url of urls.values()) URL.revokeObjectURL(url);
    };
  }, []);

  const emit = (list: UploadFile<RegistryDocument>[]) => {
    const ids = list.flatMap((f) => (f.status === 'done' && f.response?.id ? [f.response.id] : []));
    if (ids.join(',') !== (value ?? []).join(',')) onChange?.(ids);
  };

  return (
    <div data-testid="product-images" data-count={(value ?? []).length}>
      <Upload<RegistryDocument>
        listType="picture-card"
        accept=".jpg,.jpeg,.png,image/jpeg,image/png"
        multiple
        maxCount={MAX_IMAGES}
        fileList={files.map((f) => {
          const id = f.response?.id;
          const local = id ? previews.current.get(id) : undefined;
          return local ? { ...f, thumbUrl: local, url: local } : f;
        })}
        customRequest={upload.customRequest}
        beforeUpload={upload.beforeUpload}
        onChange={upload.onChange}
        showUploadList={{ showPreviewIcon: false }}
      >
        {files.length >= MAX_IMAGES ? null : (
          <button type="button" className="lh-upload-tile" data-testid="product-image-add">
            <PlusOutlined />
            <div style={{ marginTop: 6 }}>{t('catalog.images.add')}</div>
          </button>
        )}
      </Upload>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('catalog.images.hint', { max: MAX_IMAGES })}
      </Typography.Text>
      <UploadError error={upload.error} />
    </div>
  );
}
