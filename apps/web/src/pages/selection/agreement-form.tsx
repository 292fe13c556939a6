/**
 * The terms of a live service agreement (直播服务协议) as a form — products with their commission, the streamer's
 * share when the MCN is party, slot fee, dates and obligations — and the dialogs that propose one (a merchant to a
 * certified streamer, a streamer to the merchant of a pool product) or propose new terms (改签).
 */
import { PlusOutlined } from '@ant-design/icons';
import { DEFAULT_OBLIGATIONS } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Col, DatePicker, Form, type FormInstance, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router';
import { PercentInput, YuanInput } from '../../components/amount-inputs.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { RemoveRowButton } from '../../components/remove-row-button.tsx';
import { useI18n } from '../../i18n/index.ts';
import { ApiError, isApiError } from '../../lib/api-client.ts';
import type { AgreementTerms, AgreementView, PublicStreamer, SelectionCard } from '../../lib/api-types.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { useMe } from '../../lib/session.ts';
import { useProductPages } from '../../queries/catalog.ts';
import { selectionKeys, useSelectionPool } from '../../queries/selection.ts';
import { bpToPct, fenToYuan, formatBp, pctToBp, yuanToFen } from '../../lib/money.ts';
import { obligationLabel } from './selection-labels.tsx';
import { applyRenamedFieldError, selectionErrorMessage } from './selection-errors.ts';
import { StreamerSelect, useCertifiedStreamers } from '../../components/streamer-picker.tsx';

type Obligation = (typeof DEFAULT_OBLIGATIONS)[number];

export interface TermsValues {
  products: Array<{ productId?: string; commissionPct?: number }>;
  streamerSharePct?: number;
  slotFeeYuan?: number;
  period?: [Dayjs, Dayjs];
  obligations: Obligation[];
  note?: string;
}

export interface ProductOption {
  value: string;
  label: string;
  merchantOrgId?: string;
  merchantName?: string;
  /** the commission of the plan that applies, to start from */
  commissionBp?: number;
}

export function termsFromValues(v: TermsValues, withMcn: boolean): AgreementTerms {
  const [from, to] = v.period ?? [dayjs(), dayjs().add(30, 'day')];
  return {
    products: v.products.map((p) => ({ productId: p.productId ?? '', commissionBp: pctToBp(p.commissionPct ?? 0) })),
    streamerShareBp: withMcn ? pctToBp(v.streamerSharePct ?? 100) : 10_000,
    slotFeeFen: yuanToFen(v.slotFeeYuan ?? 0),
    startsOn: from.format('YYYY-MM-DD'),
    endsOn: to.format('YYYY-MM-DD'),
    obligations: v.obligations,
    ...(v.note?.trim() ? { note: v.note.trim() } : {}),
  };
}

/** Reads stored terms (a version's `terms` record) back into form values. */
export function valuesFromTerms(terms: Record<string, unknown>): TermsValues {
  const products = Array.isArray(terms.products) ? (terms.products as Array<{ productId: string; commissionBp: number }>) : [];
  const num = (k: string, d: number) => (typeof terms[k] === 'number' ? (terms[k] as number) : d);
  const str = (k: string) => (typeof terms[k] === 'string' ? (terms[k] as string) : undefined);
  const startsOn = str('startsOn');
  const endsOn = str('endsOn');
  return {
    products: products.map((p) => ({ productId: p.productId, commissionPct: bpToPct(p.commissionBp) })),
    streamerSharePct: bpToPct(num('streamerShareBp', 10_000)),
    slotFeeYuan: fenToYuan(num('slotFeeFen', 0)),
    ...(startsOn && endsOn ? { period: [dayjs(startsOn), dayjs(endsOn)] as [Dayjs, Dayjs] } : {}),
    obligations: Array.isArray(terms.obligations) ? (terms.obligations as Obligation[]) : [...DEFAULT_OBLIGATIONS],
    ...(str('note') ? { note: str('note') } : {}),
  };
}

const FIELDS = ['products', 'streamerSharePct', 'slotFeeYuan', 'period', 'obligations', 'note', 'streamerUserId', 'withMcn'] as const;
const RENAME = {
  commissionBp: 'commissionPct',
  streamerShareBp: 'streamerSharePct',
  slotFeeFen: 'slotFeeYuan',
  startsOn: 'period',
  endsOn: 'period',
} as const;

/** Shows a terms error on its field (`terms.products.0.commissionBp` → products[0].commissionPct). */
function applyTermsError(form: FormInstance, error: unknown): boolean {
  const stripped =
    isApiError(error) && error.field?.startsWith('terms.')
      ? new ApiError(error.status, error.code, error.message, error.field.slice('terms.'.length), error.details)
      : error;
  return applyRenamedFieldError(form, stripped, FIELDS, RENAME);
}

export function TermsFields({
  productOptions,
  productsLoading,
  onProductSearch,
  moreProducts,
  withMcn,
}: {
  productOptions: ProductOption[];
  productsLoading?: boolean;
  onProductSearch?: (q: string) => void;
  /** the next page of options, when the options are paged */
  moreProducts?: { hasMore: boolean; loading: boolean; load: () => void } | undefined;
  withMcn: boolean;
}) {
  const { t } = useI18n();
  const form = Form.useFormInstance<TermsValues>();
  return (
    <>
      <Form.List
        name="products"
        rules={[
          {
            validator: (_r, rows: TermsValues['products'] | undefined) =>
              (rows ?? []).length > 0 ? Promise.resolve() : Promise.reject(new Error(t('agreement.v.products'))),
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <div data-testid="terms-products">
            <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
              {t('agreement.terms.products')}
            </Typography.Text>
            {fields.map((field, index) => (
              <Row key={field.key} gutter={8} align="top">
                <Col flex="auto">
                  <Form.Item
                    name={[field.name, 'productId']}
                    rules={[{ required: true, message: t('agreement.v.product') }]}
                    style={{ marginBottom: 8 }}
                  >
                    <Select<string>
                      loading={productsLoading}
                      options={productOptions.map((o) => ({ value: o.value, label: o.label }))}
                      showSearch={onProductSearch ? { filterOption: false, onSearch: onProductSearch } : { optionFilterProp: 'label' }}
                      placeholder={t('agreement.terms.productPlaceholder')}
                      data-testid={`terms-product-${index}`}
                      popupRender={(menu) => (
                        <>
                          {menu}
                          {moreProducts?.hasMore ? (
                            <Button
                              block
                              type="link"
                              loading={moreProducts.loading}
                              // keep the list open while the next page comes
                              onMouseDown={(e) => e.preventDefault()}
                              onClick={moreProducts.load}
                              data-testid={`terms-product-more-${index}`}
                            >
                              {t('common.loadMore')}
                            </Button>
                          ) : null}
                        </>
                      )}
                      onChange={(id) => {
                        const opt = productOptions.find((o) => o.value === id);
                        if (opt?.commissionBp !== undefined)
                          form.setFieldValue(['products', field.name, 'commissionPct'], bpToPct(opt.commissionBp));
                      }}
                    />
                  </Form.Item>
                </Col>
                <Col flex="130px">
                  <Form.Item
                    name={[field.name, 'commissionPct']}
                    rules={[{ required: true, message: t('agreement.v.commission') }]}
                    style={{ marginBottom: 8 }}
                  >
                    <PercentInput min={0} max={90} placeholder={t('selection.plan.commission')} data-testid={`terms-commission-${index}`} />
                  </Form.Item>
                </Col>
                <Col flex="32px">
                  <RemoveRowButton rows={fields.length} onRemove={() => remove(field.name)} />
                </Col>
              </Row>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>
              {t('agreement.terms.addProduct')}
            </Button>
          </div>
        )}
      </Form.List>
      <Row gutter={12}>
        {withMcn ? (
          <Col xs={24} sm={8}>
            <Form.Item
              name="streamerSharePct"
              label={t('agreement.terms.streamerShare')}
              tooltip={t('agreement.terms.streamerShareHint')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <PercentInput min={0} max={100} data-testid="terms-streamer-share" />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24} sm={withMcn ? 8 : 10}>
          <Form.Item name="slotFeeYuan" label={t('selection.plan.slotFee')}>
            <YuanInput min={0} max={10_000_000} data-testid="terms-slot-fee" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={withMcn ? 8 : 14}>
          <Form.Item name="period" label={t('agreement.terms.period')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} data-testid="terms-period" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="obligations"
        label={t('agreement.terms.obligations')}
        rules={[{ type: 'array', min: 1, message: t('agreement.v.obligations') }]}
      >
        <Checkbox.Group style={{ display: 'grid', gap: 6 }} data-testid="terms-obligations">
          {DEFAULT_OBLIGATIONS.map((o) => (
            <Checkbox key={o} value={o} data-testid={`obligation-${o}`}>
              {obligationLabel(t, o)}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      <Form.Item name="note" label={t('agreement.terms.note')}>
        <Input.TextArea rows={2} maxLength={1000} showCount />
      </Form.Item>
    </>
  );
}

function defaultTerms(product?: ProductOption): TermsValues {
  return {
    products: [product ? { productId: product.value, commissionPct: bpToPct(product.commissionBp ?? 0) } : {}],
    streamerSharePct: 80,
    slotFeeYuan: 0,
    period: [dayjs(), dayjs().add(30, 'day')],
    obligations: [...DEFAULT_OBLIGATIONS],
  };
}

/** The merchant's approved products as options, a page at a time (the select's 加载更多 asks for the next). */
function useOwnProductOptions(enabled: boolean): {
  options: ProductOption[];
  loading: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
} {
  const list = useProductPages({ status: 'approved' }, { enabled, staleTime: 30_000 });
  return {
    options: list.products.map((p) => ({ value: p.id, label: p.title, merchantOrgId: p.merchantOrgId })),
    loading: enabled && list.isPending,
    hasMore: enabled && list.hasMore,
    loadingMore: list.loadingMore,
    loadMore: list.loadMore,
  };
}

/** A pool card as a product option (the merchant's best plan's commission to start from). */
export function cardOption(c: SelectionCard): ProductOption {
  return {
    value: c.productId,
    label: `${c.title} · ${c.merchantName}`,
    merchantOrgId: c.merchantOrgId,
    merchantName: c.merchantName,
    commissionBp: c.commissionBp,
  };
}

/** Pool products (for a streamer), optionally only one merchant's, searched as the user types. */
function usePoolProductOptions(enabled: boolean, merchantOrgId: string | undefined, keep: ProductOption[]) {
  const [q, setQ] = useState('');
  const query = { q: q.trim() || undefined, pageSize: 40 };
  const pool = useSelectionPool(query, { enabled, staleTime: 30_000 });
  const found: ProductOption[] = (pool.data?.items ?? [])
    .filter((c) => !merchantOrgId || c.merchantOrgId === merchantOrgId)
    .map(cardOption);
  const seen = new Set(found.map((o) => o.value));
  return { options: [...keep.filter((o) => !seen.has(o.value)), ...found], loading: enabled && pool.isFetching, onSearch: setQ };
}

interface CreateValues extends TermsValues {
  streamerUserId?: string;
  withMcn?: boolean;
}

/**
 * 发起协议. A merchant picks a certified streamer (or has one preset, e.g. from a sample request); a streamer
 * proposes to the merchant of a pool product (preset from the selection square, or picked here).
 */
export function AgreementCreateModal({
  open,
  onClose,
  presetStreamer,
  presetProduct,
}: {
  open: boolean;
  onClose: () => void;
  presetStreamer?: { userId: string; name: string } | undefined;
  presetProduct?: ProductOption | undefined;
}) {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateValues>();
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<PublicStreamer | undefined>(undefined);
  const isMerchant = me.role === 'merchant_staff';
  const certified = useCertifiedStreamers();
  const streamer = presetStreamer ? certified.data?.items.find((x) => x.userId === presetStreamer.userId) : picked;
  const withMcn = Form.useWatch('withMcn', form) === true;
  const chosen: TermsValues['products'] = Form.useWatch('products', form) ?? [];
  const own = useOwnProductOptions(open && isMerchant);
  const keep = presetProduct ? [presetProduct] : [];
  const firstChosen = chosen[0]?.productId;
  const poolAll = usePoolProductOptions(open && !isMerchant, undefined, keep);
  const merchantOrgId = !isMerchant
    ? (presetProduct?.merchantOrgId ?? poolAll.options.find((o) => o.value === firstChosen)?.merchantOrgId)
    : undefined;
  const options = isMerchant
    ? own.options
    : merchantOrgId
      ? poolAll.options.filter((o) => o.merchantOrgId === merchantOrgId || chosen.some((c) => c.productId === o.value))
      : poolAll.options;

  const create = useMutation({
    mutationFn: (v: CreateValues) =>
      endpoints.createAgreement({
        ...(isMerchant ? { streamerUserId: presetStreamer?.userId ?? v.streamerUserId ?? '' } : { merchantOrgId: merchantOrgId ?? '' }),
        withMcn: isMerchant ? v.withMcn === true : false,
        terms: termsFromValues(v, isMerchant && v.withMcn === true),
      }),
    onMutate: () => setError(null),
    onSuccess: async (a) => {
      await queryClient.invalidateQueries({ queryKey: selectionKeys.agreements });
      message.success(t('agreement.created'));
      onClose();
      navigate(`/agreements/${a.id}`);
    },
    onError: (e) => {
      if (!applyTermsError(form, e)) setError(selectionErrorMessage(t, e));
    },
  });

  let counterpart: ReactNode = null;
  if (isMerchant) {
    counterpart = presetStreamer ? (
      <Form.Item label={t('agreement.party.streamer')}>
        <Typography.Text strong data-testid="agreement-preset-streamer">
          {presetStreamer.name}
        </Typography.Text>
      </Form.Item>
    ) : (
      <Form.Item
        name="streamerUserId"
        label={t('agreement.party.streamer')}
        rules={[{ required: true, message: t('agreement.v.streamer') }]}
      >
        <StreamerSelect
          testId="agreement-streamer"
          onChange={(id, s) => {
            form.setFieldValue('streamerUserId', id);
            setPicked(s);
            if (!s?.mcnOrgId) form.setFieldValue('withMcn', false);
          }}
        />
      </Form.Item>
    );
  }
  const merchantName = isMerchant ? undefined : poolAll.options.find((o) => o.merchantOrgId === merchantOrgId)?.merchantName;

  return (
    <FormModal<CreateValues>
      open={open}
      title={t('agreement.createTitle')}
      onClose={onClose}
      form={form}
      onFinish={(v) => create.mutate(v)}
      pending={create.isPending}
      okText={t('agreement.propose')}
      okTestId="agreement-submit"
      width={680}
      testId="agreement-create-modal"
      intro={
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('agreement.createHint')}
        </Typography.Paragraph>
      }
      initialValues={{ ...defaultTerms(presetProduct), withMcn: false }}
      onValuesChange={() => setError(null)}
      error={error}
      errorTestId="agreement-error"
    >
      {counterpart}
      {isMerchant ? (
        <Form.Item name="withMcn" valuePropName="checked" extra={streamer?.mcnOrgId ? undefined : t('agreement.noMcn')}>
          <Checkbox disabled={!streamer?.mcnOrgId} data-testid="agreement-with-mcn">
            {t('agreement.withMcn')}
          </Checkbox>
        </Form.Item>
      ) : null}
      {merchantName ? (
        <Form.Item label={t('agreement.party.merchant')}>
          <Typography.Text strong data-testid="agreement-merchant">
            {merchantName}
          </Typography.Text>
        </Form.Item>
      ) : null}
      <TermsFields
        productOptions={options}
        productsLoading={isMerchant ? own.loading : poolAll.loading}
        moreProducts={isMerchant ? { hasMore: own.hasMore, loading: own.loadingMore, load: own.loadMore } : undefined}
        {...(isMerchant ? {} : { onProductSearch: poolAll.onSearch })}
        withMcn={isMerchant && withMcn}
      />
    </FormModal>
  );
}

/** 改签: new terms for an agreement, starting from the current version's. */
export function AgreementAmendModal({ agreement, open, onClose }: { agreement: AgreementView; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TermsValues>();
  const [error, setError] = useState<string | null>(null);
  const current = agreement.versions.find((v) => v.version === agreement.currentVersion);
  const isMerchant = me.role === 'merchant_staff';
  const own = useOwnProductOptions(open && isMerchant);
  const keep = Object.entries(agreement.productTitles).map(([value, label]) => ({ value, label, merchantOrgId: agreement.merchantOrgId }));
  const pool = usePoolProductOptions(open && me.role === 'streamer', agreement.merchantOrgId, keep);
  const options = isMerchant
    ? [...keep.filter((k) => !own.options.some((o) => o.value === k.value)), ...own.options]
    : me.role === 'streamer'
      ? pool.options
      : keep;
  const withMcn = agreement.mcnOrgId !== null;

  const amend = useMutation({
    mutationFn: (v: TermsValues) => endpoints.amendAgreement(agreement.id, termsFromValues(v, withMcn)),
    onMutate: () => setError(null),
    onSuccess: async (a) => {
      queryClient.setQueryData(selectionKeys.agreement(a.id), a);
      await queryClient.invalidateQueries({ queryKey: selectionKeys.agreements });
      message.success(t('agreement.amended', { version: a.currentVersion }));
      onClose();
    },
    onError: (e) => {
      if (!applyTermsError(form, e)) setError(selectionErrorMessage(t, e));
    },
  });
  return (
    <FormModal<TermsValues>
      open={open}
      title={t('agreement.amendTitle')}
      onClose={onClose}
      form={form}
      onFinish={(v) => amend.mutate(v)}
      pending={amend.isPending}
      okText={t('agreement.proposeVersion')}
      okTestId="amend-submit"
      width={680}
      testId="agreement-amend-modal"
      intro={
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('agreement.amendHint')}
        </Typography.Paragraph>
      }
      initialValues={current ? valuesFromTerms(current.terms) : defaultTerms()}
      onValuesChange={() => setError(null)}
      error={error}
    >
      <TermsFields
        productOptions={options}
        productsLoading={own.loading || pool.loading}
        moreProducts={{ hasMore: own.hasMore, loading: own.loadingMore, load: own.loadMore }}
        {...(me.role === 'streamer' ? { onProductSearch: pool.onSearch } : {})}
        withMcn={withMcn}
      />
    </FormModal>
  );
}

/** One line per product of a terms record: "316不锈钢… · 佣金 20%". */
export function termsProductLines(
  terms: Record<string, unknown>,
  titles: Record<string, string>,
): { id: string; title: string; commission: string }[] {
  const products = Array.isArray(terms.products) ? (terms.products as Array<{ productId: string; commissionBp: number }>) : [];
  return products.map((p) => ({
    id: p.productId,
    title: titles[p.productId] ?? p.productId.slice(0, 8),
    commission: formatBp(p.commissionBp),
  }));
}
