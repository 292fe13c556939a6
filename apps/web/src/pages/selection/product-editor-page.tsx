/**
 * 商品编辑: a merchant creates a product (with its SKUs) or edits one. The category picker shows each category's
 * live-sale rule (prohibited ones stand out) and what the chosen one requires; the brand picker tags brands on the
 * key-trademark protection list. "保存并提交审核" saves and submits for review in one go.
 */
import { PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  CROSS_BORDER_ORIGINS,
  type CreateBrandRequest,
  type CrossBorderInput,
  IMPORT_MODE_LABELS,
  IMPORT_MODES,
  type ImportMode,
  ORIGIN_CODES,
  type UpdateProductRequest,
} from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { type ReactNode, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { YuanInput } from '../../components/amount-inputs.tsx';
import { BackButton } from '../../components/back-button.tsx';
import { DetailPending } from '../../components/detail-pending.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RemoveRowButton } from '../../components/remove-row-button.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { useI18n } from '../../i18n/index.ts';
import { requiredLengthRules, requiredTextRule } from '../../lib/form-rules.ts';
import type { Brand, DocumentKind, ProductView, RegistryDocument } from '../../lib/api-types.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { SectionTitle } from '../registry/apply-layout.tsx';
import { DocumentUpload } from '../../components/document-upload.tsx';
import { DOC_KINDS } from '../registry/registry-labels.tsx';
import { catalogKeys, useBrands, useCategories, useProduct } from '../../queries/catalog.ts';
import { fenToYuan, yuanToFen } from '../../lib/money.ts';
import { ProductImagesInput } from './product-images.tsx';
import { categoryTree, effectiveRule, LiveRuleTag, qualificationLabel } from './selection-labels.tsx';
import { applyRenamedFieldError, selectionErrorMessage } from './selection-errors.ts';
import './selection.css';

interface SkuRow {
  name: string;
  /** required by the form's rule */
  priceYuan?: number;
  stock: number;
  code?: string;
}

interface EditorValues {
  title: string;
  categoryId?: string;
  brandId?: string;
  referencePriceYuan?: number | null;
  claims: string[];
  description?: string;
  imageIds: string[];
  sampleAvailable: boolean;
  sampleStock?: number | null;
  qualificationDocs?: RegistryDocument[];
  skus: SkuRow[];
  /** 跨境: the switch, and the declaration it asks for */
  crossBorderOn: boolean;
  crossBorder?: { declaredValueYuan?: number | null; originCountry?: string; importMode?: ImportMode };
}

const FIELDS = [
  'title',
  'categoryId',
  'brandId',
  'referencePriceYuan',
  'claims',
  'description',
  'imageIds',
  'sampleAvailable',
  'sampleStock',
  'qualificationDocs',
  'skus',
  'crossBorder',
] as const;
const RENAME = {
  referencePriceFen: 'referencePriceYuan',
  priceFen: 'priceYuan',
  qualificationDocIds: 'qualificationDocs',
  declaredValueFen: 'declaredValueYuan',
} as const;

/** The declaration the API takes, or null when the product is not cross-border. */
function crossBorderOf(values: EditorValues): CrossBorderInput | null {
  const cb = values.crossBorder;
  if (!values.crossBorderOn || !cb) return null;
  return {
    declaredValueFen: yuanToFen(cb.declaredValueYuan ?? 0),
    originCountry: cb.originCountry as CrossBorderInput['originCountry'],
    importMode: cb.importMode ?? '1210',
  };
}

function isDocumentKind(value: string): value is DocumentKind {
  return (DOC_KINDS as readonly string[]).includes(value);
}

export function ProductEditorPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const product = useProduct(id ?? '', { enabled: id !== undefined, staleTime: 0 });
  const back = (
    <BackButton to={id ? `/products/${id}` : '/products'} testId="editor-back">
      {t('common.back')}
    </BackButton>
  );

  if (id === undefined) return <ProductEditor back={back} />;
  if (product.error || !product.data) {
    const title = t('catalog.editor.editTitle');
    return <DetailPending query={product} testId="product-editor-page" title={title} extra={back} notFound={t('catalog.notFound')} />;
  }
  return <ProductEditor back={back} product={product.data} />;
}

function initialValues(p: ProductView | undefined): Partial<EditorValues> {
  if (!p)
    return {
      claims: [],
      imageIds: [],
      sampleAvailable: false,
      sampleStock: 0,
      skus: [{ name: '', stock: 0 }],
      crossBorderOn: false,
    };
  return {
    title: p.title,
    categoryId: p.categoryId,
    ...(p.brand ? { brandId: p.brand.id } : {}),
    referencePriceYuan: p.referencePriceFen === null ? null : fenToYuan(p.referencePriceFen),
    claims: p.claims,
    description: p.description,
    imageIds: p.imageIds,
    sampleAvailable: p.sampleAvailable,
    sampleStock: p.sampleStock,
    skus: [],
    crossBorderOn: p.crossBorder !== null,
    ...(p.crossBorder
      ? {
          crossBorder: {
            declaredValueYuan: fenToYuan(p.crossBorder.declaredValueFen),
            originCountry: p.crossBorder.originCountry,
            importMode: p.crossBorder.importMode,
          },
        }
      : {}),
  };
}

function ProductEditor({ back, product }: { back: ReactNode; product?: ProductView }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EditorValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const [brandModal, setBrandModal] = useState(false);
  const submitAfterSave = useRef(false);
  const categories = useCategories();
  const brands = useBrands();
  const categoryId = Form.useWatch('categoryId', form);
  const sampleAvailable = Form.useWatch('sampleAvailable', form);
  const crossBorderOn = Form.useWatch('crossBorderOn', form);
  const editing = product !== undefined;
  const locked = product?.status === 'in_review';

  const save = useMutation({
    mutationFn: async (values: EditorValues) => {
      const common = {
        title: values.title.trim(),
        description: (values.description ?? '').trim(),
        claims: values.claims.map((c) => c.trim()).filter(Boolean),
        categoryId: values.categoryId ?? '',
        imageIds: values.imageIds,
        sampleAvailable: values.sampleAvailable,
        sampleStock: values.sampleAvailable ? (values.sampleStock ?? 0) : 0,
        crossBorder: crossBorderOf(values),
      };
      const newDocs = (values.qualificationDocs ?? []).map((d) => d.id);
      let saved: ProductView;
      if (product) {
        const patch: UpdateProductRequest = {
          ...common,
          brandId: values.brandId ?? null,
          referencePriceFen: values.referencePriceYuan ? yuanToFen(values.referencePriceYuan) : null,
          qualificationDocIds: [...new Set([...product.qualificationDocIds, ...newDocs])],
        };
        saved = await endpoints.updateProduct(product.id, patch);
      } else {
        saved = await endpoints.createProduct({
          ...common,
          ...(values.brandId ? { brandId: values.brandId } : {}),
          ...(values.referencePriceYuan ? { referencePriceFen: yuanToFen(values.referencePriceYuan) } : {}),
          qualificationDocIds: newDocs,
          skus: values.skus.map((s) => ({
            name: s.name.trim(),
            priceFen: yuanToFen(s.priceYuan ?? 0),
            stock: s.stock,
            ...(s.code?.trim() ? { code: s.code.trim() } : {}),
          })),
        });
      }
      if (!submitAfterSave.current) return { saved, submitError: null };
      try {
        const submitted = await endpoints.submitProduct(saved.id);
        return { saved: submitted.product, submitError: null };
      } catch (error) {
        return { saved, submitError: error };
      }
    },
    onMutate: () => setFormError(null),
    onSuccess: async ({ saved, submitError }) => {
      queryClient.setQueryData(catalogKeys.product(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: catalogKeys.products });
      if (submitError) message.error(selectionErrorMessage(t, submitError));
      else message.success(t(submitAfterSave.current ? 'catalog.editor.submitted' : 'catalog.editor.saved'));
      navigate(`/products/${saved.id}`);
    },
    onError: (error) => {
      const onField = applyRenamedFieldError(form, error, FIELDS, RENAME, ['imageIds', 'qualificationDocIds', 'claims']);
      setFormError(selectionErrorMessage(t, error));
      if (!onField) window.scrollTo({ top: 0, behavior: 'smooth' });
    },
  });

  const cats = categories.data ?? [];
  const rule = categoryId ? effectiveRule(cats, categoryId) : null;
  const qualificationKinds = (rule?.qualifications ?? []).filter(isDocumentKind);

  return (
    <div data-testid="product-editor-page" data-product-id={product?.id ?? ''}>
      <PageHeader
        title={editing ? t('catalog.editor.editTitle') : t('catalog.editor.newTitle')}
        subtitle={t('catalog.editor.subtitle')}
        extra={back}
      />
      {locked ? <Alert type="info" showIcon title={t('catalog.editor.locked')} style={{ marginBottom: 16 }} /> : null}
      {product?.status === 'approved' ? (
        <Alert type="warning" showIcon title={t('catalog.editor.backToReview')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<EditorValues>
        form={form}
        layout="vertical"
        disabled={locked}
        initialValues={initialValues(product)}
        onFinish={(values) => save.mutate(values)}
        onFinishFailed={() => setFormError(t('registry.apply.fixErrors'))}
        onValuesChange={() => setFormError(null)}
        scrollToFirstError
        data-testid="product-form"
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Card>
              <SectionTitle>{t('catalog.editor.basics')}</SectionTitle>
              <Form.Item name="title" label={t('catalog.field.title')} rules={requiredLengthRules(t, 4, 60)}>
                <Input maxLength={60} showCount placeholder={t('catalog.field.titlePlaceholder')} data-testid="product-title" />
              </Form.Item>
              <Form.Item
                name="categoryId"
                label={t('catalog.field.category')}
                rules={[{ required: true, message: t('catalog.v.category') }]}
                extra={rule ? <CategoryRuleNote rule={rule} /> : t('catalog.field.categoryHint')}
              >
                <TreeSelect
                  data-testid="product-category"
                  loading={categories.isPending}
                  treeData={categoryTree(cats, locale)}
                  treeNodeLabelProp="label"
                  showSearch={{ treeNodeFilterProp: 'search' }}
                  treeDefaultExpandAll={false}
                  placeholder={t('catalog.field.categoryPlaceholder')}
                  styles={{ popup: { root: { maxHeight: 420, overflow: 'auto' } } }}
                />
              </Form.Item>
              <Row gutter={16}>
                <Col xs={24} md={14}>
                  <Form.Item label={t('catalog.field.brand')} extra={t('catalog.field.brandHint')}>
                    <Space.Compact style={{ width: '100%' }}>
                      <Form.Item name="brandId" noStyle>
                        <Select<string>
                          allowClear
                          style={{ flex: 1, minWidth: 0 }}
                          data-testid="product-brand"
                          loading={brands.isPending}
                          placeholder={t('catalog.field.brandPlaceholder')}
                          showSearch={{ optionFilterProp: 'search' }}
                          options={(brands.data ?? []).map((b) => ({
                            value: b.id,
                            search: `${b.name} ${b.nameEn ?? ''}`,
                            label: <BrandLabel brand={b} />,
                          }))}
                        />
                      </Form.Item>
                      <Button icon={<PlusOutlined />} onClick={() => setBrandModal(true)} data-testid="brand-new">
                        {t('catalog.brand.new')}
                      </Button>
                    </Space.Compact>
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item
                    name="referencePriceYuan"
                    label={t('catalog.field.referencePrice')}
                    extra={t('catalog.field.referencePriceHint')}
                  >
                    <YuanInput min={0.01} max={10_000_000} data-testid="product-reference-price" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name="claims"
                label={t('catalog.field.claims')}
                extra={t('catalog.field.claimsHint')}
                rules={[
                  {
                    validator: (_r, v: string[] | undefined) =>
                      (v ?? []).length > 10
                        ? Promise.reject(new Error(t('catalog.v.claimsCount')))
                        : (v ?? []).some((c) => c.trim().length > 60)
                          ? Promise.reject(new Error(t('catalog.v.claimLength')))
                          : Promise.resolve(),
                  },
                ]}
              >
                <Select<string[]>
                  mode="tags"
                  open={false}
                  suffixIcon={null}
                  tokenSeparators={['，', ',', '；', ';']}
                  placeholder={t('catalog.field.claimsPlaceholder')}
                  data-testid="product-claims"
                />
              </Form.Item>
              <Form.Item
                name="description"
                label={t('catalog.field.description')}
                rules={[{ max: 2000, message: t('registry.v.length', { min: 0, max: 2000 }) }]}
              >
                <Input.TextArea rows={4} maxLength={2000} showCount data-testid="product-description" />
              </Form.Item>
              <Form.Item name="imageIds" label={t('catalog.field.images')}>
                <ProductImagesInput productId={product?.id} />
              </Form.Item>

              {editing ? null : (
                <>
                  <SectionTitle>{t('catalog.editor.skus')}</SectionTitle>
                  <SkuRows />
                </>
              )}
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <Card style={{ marginBottom: 16 }}>
              <SectionTitle>{t('catalog.editor.samples')}</SectionTitle>
              <Form.Item name="sampleAvailable" label={t('catalog.field.sampleAvailable')} valuePropName="checked">
                <Switch data-testid="product-sample-available" />
              </Form.Item>
              {sampleAvailable ? (
                <Form.Item
                  name="sampleStock"
                  label={t('catalog.field.sampleStock')}
                  rules={[{ required: true, message: t('common.required') }]}
                >
                  <InputNumber<number> min={0} max={10_000} precision={0} style={{ width: '100%' }} data-testid="product-sample-stock" />
                </Form.Item>
              ) : null}
            </Card>
            <Card style={{ marginBottom: 16 }}>
              <SectionTitle>{t('catalog.editor.crossBorder')}</SectionTitle>
              <Form.Item
                name="crossBorderOn"
                label={t('catalog.field.crossBorder')}
                extra={t('catalog.field.crossBorderHint')}
                valuePropName="checked"
              >
                <Switch data-testid="product-cross-border" />
              </Form.Item>
              {crossBorderOn ? (
                <>
                  <Form.Item
                    name={['crossBorder', 'declaredValueYuan']}
                    label={t('catalog.field.declaredValue')}
                    extra={t('catalog.field.declaredValueHint')}
                    rules={[{ required: true, message: t('common.required') }]}
                  >
                    <YuanInput min={0.01} max={10_000_000} data-testid="product-declared-value" />
                  </Form.Item>
                  <Form.Item
                    name={['crossBorder', 'originCountry']}
                    label={t('catalog.field.origin')}
                    rules={[{ required: true, message: t('common.required') }]}
                  >
                    <Select
                      showSearch
                      optionFilterProp="label"
                      placeholder={t('catalog.field.originPlaceholder')}
                      options={ORIGIN_CODES.map((code) => ({ value: code, label: CROSS_BORDER_ORIGINS[code] }))}
                      data-testid="product-origin"
                    />
                  </Form.Item>
                  <Form.Item
                    name={['crossBorder', 'importMode']}
                    label={t('catalog.field.importMode')}
                    initialValue="1210"
                    rules={[{ required: true, message: t('common.required') }]}
                  >
                    <Select
                      options={IMPORT_MODES.map((m) => ({ value: m, label: IMPORT_MODE_LABELS[m] }))}
                      data-testid="product-import-mode"
                    />
                  </Form.Item>
                </>
              ) : null}
            </Card>
            <Card>
              <SectionTitle>
                <SafetyCertificateOutlined style={{ marginInlineEnd: 6 }} />
                {t('catalog.editor.qualifications')}
              </SectionTitle>
              <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                {qualificationKinds.length > 0 ? t('catalog.editor.qualificationsNeeded') : t('catalog.editor.qualificationsNone')}
              </Typography.Paragraph>
              {editing && product.qualificationDocIds.length > 0 ? (
                <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                  {t('catalog.editor.qualificationsOnFile', { count: product.qualificationDocIds.length })}
                </Typography.Paragraph>
              ) : null}
              {qualificationKinds.map((kind) => (
                <Form.Item key={kind} label={qualificationLabel(t, kind)} style={{ marginBottom: 12 }}>
                  <QualificationUpload kind={kind} />
                </Form.Item>
              ))}
            </Card>
          </Col>
        </Row>

        <Card style={{ marginTop: 16 }}>
          {formError ? (
            <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="product-form-error" />
          ) : null}
          <Space wrap>
            <Button
              htmlType="submit"
              size="large"
              loading={save.isPending && !submitAfterSave.current}
              onClick={() => {
                submitAfterSave.current = false;
              }}
              data-testid="product-save"
            >
              {t('catalog.editor.saveDraft')}
            </Button>
            <Button
              type="primary"
              htmlType="submit"
              size="large"
              loading={save.isPending && submitAfterSave.current}
              onClick={() => {
                submitAfterSave.current = true;
              }}
              data-testid="product-save-submit"
            >
              {t('catalog.editor.saveAndSubmit')}
            </Button>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('catalog.editor.submitHint')}
            </Typography.Text>
          </Space>
        </Card>
      </Form>
      <BrandModal
        open={brandModal}
        onClose={() => setBrandModal(false)}
        onCreated={(b) => {
          form.setFieldValue('brandId', b.id);
          setBrandModal(false);
        }}
      />
    </div>
  );
}

/** Every qualification upload adds to one list of documents (the product's qualificationDocIds). */
function QualificationUpload({ kind }: { kind: DocumentKind }) {
  const form = Form.useFormInstance<EditorValues>();
  const docs: RegistryDocument[] = Form.useWatch('qualificationDocs', form) ?? [];
  return (
    <DocumentUpload
      docType={kind}
      value={docs.filter((d) => d.docType === kind)}
      onChange={(mine) => form.setFieldValue('qualificationDocs', [...docs.filter((d) => d.docType !== kind), ...mine])}
    />
  );
}

function CategoryRuleNote({ rule }: { rule: ReturnType<typeof effectiveRule> }) {
  const { t } = useI18n();
  const type = rule.rule === 'prohibited' ? 'error' : rule.rule === 'restricted' ? 'warning' : 'success';
  const lines = [
    ...(rule.qualifications.length > 0
      ? [`${t('catalog.ruleNote.qualifications')}：${rule.qualifications.map((q) => qualificationLabel(t, q)).join('、')}`]
      : []),
    ...(rule.disclaimer ? [t('catalog.ruleNote.disclaimer', { text: rule.disclaimer })] : []),
    ...(rule.basis && rule.rule !== 'allowed' ? [`${t('catalog.checks.basis')}：${rule.basis}`] : []),
  ];
  return (
    <Alert
      type={type}
      showIcon
      style={{ marginTop: 8 }}
      data-testid="category-rule"
      data-rule={rule.rule}
      title={
        <Space size={6} wrap>
          <LiveRuleTag rule={rule.rule} />
          <span>{t(`catalog.ruleNote.${rule.rule}`)}</span>
        </Space>
      }
      description={
        lines.length > 0 ? (
          <div style={{ fontSize: 12 }}>
            {lines.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </div>
        ) : undefined
      }
    />
  );
}

export function BrandLabel({ brand }: { brand: Pick<Brand, 'name' | 'nameEn' | 'protected'> }) {
  const { t } = useI18n();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      {brand.name}
      {brand.nameEn ? <Typography.Text type="secondary">{brand.nameEn}</Typography.Text> : null}
      {brand.protected ? (
        <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="brand-protected">
          {t('catalog.brand.protected')}
        </Tag>
      ) : null}
    </span>
  );
}

function SkuRows() {
  const { t } = useI18n();
  return (
    <Form.List
      name="skus"
      rules={[
        {
          validator: (_r, rows: SkuRow[] | undefined) =>
            (rows ?? []).length > 0 ? Promise.resolve() : Promise.reject(new Error(t('catalog.v.skuRequired'))),
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div data-testid="sku-rows">
          {fields.map((field, index) => (
            <Row key={field.key} gutter={8} align="top" className="lh-sku-row" data-testid="sku-row">
              <Col xs={24} sm={9}>
                <Form.Item
                  name={[field.name, 'name']}
                  label={index === 0 ? t('catalog.sku.name') : undefined}
                  rules={[requiredTextRule(t), { max: 60, message: t('registry.v.length', { min: 1, max: 60 }) }]}
                >
                  <Input placeholder={t('catalog.sku.namePlaceholder')} data-testid={`sku-name-${index}`} />
                </Form.Item>
              </Col>
              <Col xs={12} sm={6}>
                <Form.Item
                  name={[field.name, 'priceYuan']}
                  label={index === 0 ? t('catalog.sku.price') : undefined}
                  rules={[{ required: true, message: t('common.required') }]}
                >
                  <YuanInput min={0.01} max={10_000_000} data-testid={`sku-price-${index}`} />
                </Form.Item>
              </Col>
              <Col xs={9} sm={6}>
                <Form.Item
                  name={[field.name, 'stock']}
                  label={index === 0 ? t('catalog.sku.stock') : undefined}
                  rules={[{ required: true, message: t('common.required') }]}
                >
                  <InputNumber<number>
                    min={0}
                    max={10_000_000}
                    precision={0}
                    style={{ width: '100%' }}
                    data-testid={`sku-stock-${index}`}
                  />
                </Form.Item>
              </Col>
              <Col xs={3} sm={3} style={{ paddingTop: index === 0 ? 30 : 0 }}>
                <RemoveRowButton rows={fields.length} onRemove={() => remove(field.name)} />
              </Col>
            </Row>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ name: '', stock: 0 })}
            disabled={fields.length >= 50}
            data-testid="sku-add"
          >
            {t('catalog.sku.add')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

interface BrandValues {
  name: string;
  nameEn?: string;
  trademarkNo?: string;
  owned: boolean;
}

function BrandModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (b: Brand) => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<BrandValues>();
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (v: BrandValues) => {
      const body: CreateBrandRequest = { name: v.name.trim(), owned: v.owned };
      if (v.nameEn?.trim()) body.nameEn = v.nameEn.trim();
      if (v.trademarkNo?.trim()) body.trademarkNo = v.trademarkNo.trim();
      return endpoints.createBrand(body);
    },
    onMutate: () => setError(null),
    onSuccess: async (b) => {
      queryClient.setQueryData<Brand[]>(catalogKeys.brands, (list) => [...(list ?? []), b]);
      await queryClient.invalidateQueries({ queryKey: catalogKeys.brands });
      form.resetFields();
      onCreated(b);
    },
    onError: (e) => {
      if (!applyRenamedFieldError(form, e, ['name', 'nameEn', 'trademarkNo', 'owned'])) setError(selectionErrorMessage(t, e));
    },
  });
  return (
    <FormModal<BrandValues>
      open={open}
      title={t('catalog.brand.newTitle')}
      onClose={onClose}
      form={form}
      onFinish={(v) => create.mutate(v)}
      pending={create.isPending}
      testId="brand-modal"
      initialValues={{ owned: false }}
      error={error}
    >
      <Form.Item name="name" label={t('catalog.brand.name')} rules={[requiredTextRule(t)]}>
        <Input maxLength={60} data-testid="brand-name" />
      </Form.Item>
      <Form.Item name="nameEn" label={t('catalog.brand.nameEn')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item
        name="trademarkNo"
        label={t('catalog.brand.trademarkNo')}
        rules={[{ pattern: /^[0-9A-Z]{5,12}$/, message: t('catalog.v.trademarkNo') }]}
      >
        <Input maxLength={12} className="lh-mono" />
      </Form.Item>
      <Form.Item name="owned" valuePropName="checked">
        <Checkbox>{t('catalog.brand.owned')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
