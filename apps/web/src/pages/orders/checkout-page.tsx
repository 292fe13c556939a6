/**
 * 确认订单 (`/checkout?product=&sku=&qty=&session=&flash=`): reached from the live room's 购买 / 马上抢 buttons. The
 * product and its SKUs, the quantity, a saved address or a new one (saved to the address book), then 提交订单 →
 * the order → 去支付 → the payment provider's page, which sends the payer back to the order.
 *
 * Each checkout attempt carries one Idempotency-Key, kept for the tab while the order's content stays the same: a
 * double click, a retry after a network error, or coming back from the provider's page and submitting again answer
 * the same order instead of making a second one. The API's field errors land on the field they name.
 */
import type { CreateOrderRequest } from '@livehub/contracts';
import { EnvironmentOutlined, MinusOutlined, PlusOutlined, ShoppingOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Empty, Form, Input, InputNumber, Radio, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { AUDIENCE_VERIFICATION_ANCHOR } from './audience-verification-card.tsx';
import { useI18n } from '../../i18n/index.ts';
import { isApiError } from '../../lib/api-client.ts';
import type { AddressInput, Category, OrderView, ProductView } from '../../lib/api-types.ts';
import { endpoints, productImageUrl } from '../../lib/endpoints.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { formatFen } from '../../lib/money.ts';
import { useCategories, useProduct } from '../../queries/catalog.ts';
import { useFlashSales, useLiveSession } from '../../queries/live.ts';
import { orderKeys, useAddresses } from '../../queries/orders.ts';
import { ConsumerFrame } from './consumer-frame.tsx';
import { FlashSaleTag, formatCountdown, markPaying, NoReasonBadge, newIdempotencyKey, useNow } from './order-labels.tsx';

const NEW_ADDRESS = 'new';
const ADDRESS_FIELDS = ['name', 'phone', 'region', 'detail'] as const;
const ATTEMPT_PREFIX = 'livehub.checkout.';

interface AddressValues extends AddressInput {
  save: boolean;
}

/** Whether every category on the product's path allows 七天无理由退货 (null while unknown). */
function noReasonOf(product: ProductView | undefined, categories: Category[] | undefined): boolean | null {
  if (!product || !categories) return null;
  const byId = new Map(categories.map((c) => [c.id, c]));
  return product.categoryPath.every((c) => byId.get(c.id)?.noReasonReturn !== false);
}

/**
 * The Idempotency-Key of this checkout attempt: the same while the request body is the same (kept for the tab, so
 * a reload or the way back from the payment page reuses it), a fresh one once the buyer changes anything.
 */
function useAttemptKey(scope: string) {
  const storageKey = `${ATTEMPT_PREFIX}${scope}`;
  return useMemo(
    () => ({
      keyFor(body: CreateOrderRequest): string {
        const json = JSON.stringify(body);
        try {
          const stored = JSON.parse(window.sessionStorage.getItem(storageKey) ?? 'null') as { body: string; key: string } | null;
          if (stored?.body === json) return stored.key;
          const key = newIdempotencyKey();
          window.sessionStorage.setItem(storageKey, JSON.stringify({ body: json, key }));
          return key;
        } catch {
          return newIdempotencyKey();
        }
      },
      forget(): void {
        try {
          window.sessionStorage.removeItem(storageKey);
        } catch {
          // ignore
        }
      },
    }),
    [storageKey],
  );
}

function Stepper({ value, max, onChange, disabled }: { value: number; max: number; onChange: (n: number) => void; disabled: boolean }) {
  const { t } = useI18n();
  return (
    <Space.Compact className="lh-stepper">
      <Button
        icon={<MinusOutlined />}
        disabled={disabled || value <= 1}
        onClick={() => onChange(value - 1)}
        aria-label={t('checkout.qtyLess')}
        data-testid="qty-minus"
      />
      <InputNumber
        value={value}
        min={1}
        max={Math.max(1, max)}
        precision={0}
        controls={false}
        disabled={disabled}
        onChange={(n) => onChange(typeof n === 'number' ? n : 1)}
        style={{ width: 56, textAlign: 'center' }}
        data-testid="qty-input"
      />
      <Button
        icon={<PlusOutlined />}
        disabled={disabled || value >= max}
        onClick={() => onChange(value + 1)}
        aria-label={t('checkout.qtyMore')}
        data-testid="qty-plus"
      />
    </Space.Compact>
  );
}

export function CheckoutPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const flashId = params.get('flash') ?? '';
  const sessionId = params.get('session') ?? '';
  const [form] = Form.useForm<AddressValues>();

  const flashSales = useFlashSales(sessionId, { enabled: flashId !== '' && sessionId !== '', refetchInterval: 5000 });
  const flash = flashSales.data?.find((f) => f.id === flashId);
  const productId = params.get('product') ?? flash?.productId ?? '';
  const product = useProduct(productId, { enabled: productId !== '', retry: false, staleTime: 30_000 });
  const session = useLiveSession(sessionId, { enabled: sessionId !== '', retry: false, staleTime: 30_000 });
  const categories = useCategories();
  const addresses = useAddresses();

  const p = product.data;
  const onSession = session.data?.products.find((x) => x.productId === productId);
  const [skuId, setSkuId] = useState(params.get('sku') ?? '');
  const [qty, setQty] = useState(() => Math.max(1, Math.min(99, Number(params.get('qty')) || 1)));
  const [addressChoice, setAddressChoice] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ general?: string; qty?: string; sku?: string; address?: string; verification?: string }>({});

  // the SKU: the one asked for, the flash sale's, or the product's first one in stock
  useEffect(() => {
    if (flash && skuId !== flash.skuId) setSkuId(flash.skuId);
    else if (!skuId && p && p.skus.length > 0) setSkuId((p.skus.find((s) => s.stock > 0) ?? p.skus[0])?.id ?? '');
  }, [flash, p, skuId]);
  // the address: the default saved one, else a new one
  useEffect(() => {
    if (addressChoice !== null) return;
    if (addresses.isError) setAddressChoice(NEW_ADDRESS);
    if (!addresses.data) return;
    const preferred = addresses.data.find((a) => a.isDefault) ?? addresses.data[0];
    setAddressChoice(preferred ? preferred.id : NEW_ADDRESS);
  }, [addresses.data, addresses.isError, addressChoice]);

  const sku = p?.skus.find((s) => s.id === skuId);
  const flashRunning = flash?.state === 'running' && flash.left > 0;
  const unitFen = flash ? flash.priceFen : (sku?.priceFen ?? onSession?.minPriceFen ?? null);
  const maxQty = Math.min(99, flash ? Math.max(1, Math.min(flash.perUserLimit, flash.left)) : (sku?.stock ?? 99));
  const title = p?.title ?? flash?.title ?? onSession?.title ?? '';
  const noReason = noReasonOf(p, categories.data);
  const now = useNow(flash !== undefined);
  const attempt = useAttemptKey(`${params.toString()}`);

  useEffect(() => {
    if (qty > maxQty && maxQty >= 1) setQty(maxQty);
  }, [qty, maxQty]);

  /** Puts an API error on the field it names (address fields, quantity, SKU, the address choice), else on top. */
  const placeError = (e: unknown) => {
    const text = errorMessage(e, t('common.networkError'));
    const field = isApiError(e) ? (e.field ?? '') : '';
    const last = field.split('.').pop() ?? '';
    const addressField = ADDRESS_FIELDS.find((f) => f === last);
    if (addressField && (field.startsWith('address.') || field === last)) {
      // a malformed value: say what the field takes, in the page's words (the validator's message names a regex)
      const hint = isApiError(e) && e.code === 'request.invalid' ? t(`checkout.invalid.${addressField}`) : text;
      form.setFields([{ name: addressField, errors: [hint] }]);
      setAddressChoice(NEW_ADDRESS);
    } else if (field === 'address' || field === 'addressId') setErrors({ address: text });
    // a product sold to adults only and a buyer not verified as 18+: the message, with the way to 实名认证
    else if (field === 'verification') setErrors({ verification: text });
    else if (field.endsWith('.qty')) setErrors({ qty: text });
    else if (field.endsWith('.skuId') || field === 'lines') setErrors({ sku: text });
    else setErrors({ general: text });
  };

  const pay = useMutation({
    mutationFn: async (order: OrderView) => {
      // one key per payment attempt: the button is disabled while it runs, so a double click cannot open two
      const started = await endpoints.payOrder(order.id, newIdempotencyKey());
      return { order, started };
    },
    onSuccess: ({ order, started }) => {
      markPaying(order.id);
      window.location.assign(started.payUrl);
    },
    onError: (e, order) => {
      message.error(errorMessage(e, t('common.networkError')));
      navigate(`/orders/${order.id}`, { replace: true });
    },
  });

  const submit = useMutation({
    mutationFn: async () => {
      setErrors({});
      let addressId = addressChoice !== NEW_ADDRESS ? (addressChoice ?? undefined) : undefined;
      let address: AddressInput | undefined;
      if (addressChoice === NEW_ADDRESS) {
        const values = await form.validateFields();
        const input: AddressInput = {
          name: values.name.trim(),
          phone: values.phone.trim(),
          region: values.region.trim(),
          detail: values.detail.trim(),
        };
        if (values.save) {
          const saved = await endpoints.saveAddress({ ...input, isDefault: (addresses.data?.length ?? 0) === 0 });
          queryClient.setQueryData(orderKeys.addresses, (old: typeof addresses.data) => [...(old ?? []), saved]);
          // a retry uses the saved address rather than saving it twice
          setAddressChoice(saved.id);
          addressId = saved.id;
        } else address = input;
      }
      const body: CreateOrderRequest = {
        lines: [{ skuId, qty }],
        ...(sessionId ? { sessionId } : {}),
        ...(flashId ? { flashSaleId: flashId } : {}),
        ...(addressId ? { addressId } : {}),
        ...(address ? { address } : {}),
      };
      return endpoints.createOrder(body, attempt.keyFor(body));
    },
    onSuccess: (order) => {
      if (order.status !== 'created') {
        // the same attempt again after it was paid (or cancelled): show that order, the next attempt is new
        attempt.forget();
        navigate(`/orders/${order.id}`, { replace: true });
        return;
      }
      pay.mutate(order);
    },
    onError: (e) => {
      // a form that did not validate has already marked its fields
      if (typeof e === 'object' && e !== null && 'errorFields' in e) return;
      placeError(e);
    },
  });

  const loading = (productId !== '' && product.isPending) || (flashId !== '' && flashSales.isPending);
  const cannotResolveSku = !loading && !skuId;
  const busy = submit.isPending || pay.isPending;
  const flashOver = flash !== undefined && !flashRunning;
  const totalFen = unitFen === null ? null : unitFen * qty;

  const footer = (
    <div className="lh-checkout-bar">
      <div className="lh-checkout-total">
        <span>{t('checkout.total')}</span>
        <span className="lh-checkout-total-price" data-testid="checkout-total">
          {formatFen(totalFen)}
        </span>
      </div>
      <Button
        type="primary"
        danger
        size="large"
        shape="round"
        loading={busy}
        disabled={cannotResolveSku || flashOver || addressChoice === null}
        onClick={() => submit.mutate()}
        data-testid="checkout-submit"
      >
        {pay.isPending ? t('checkout.toPay') : t('checkout.submit')}
      </Button>
    </div>
  );

  return (
    <ConsumerFrame
      title={t('checkout.title')}
      backTo={sessionId ? `/live/rooms/${sessionId}` : '/orders'}
      footer={footer}
      testId="checkout-page"
    >
      {errors.general ? (
        <Alert type="error" showIcon title={errors.general} className="lh-buyer-card" data-testid="checkout-error" closable />
      ) : null}
      {errors.verification ? (
        <Alert
          type="error"
          showIcon
          title={errors.verification}
          className="lh-buyer-card"
          data-testid="checkout-verification-error"
          action={
            <Link to={`/orders#${AUDIENCE_VERIFICATION_ANCHOR}`} data-testid="checkout-verify-link">
              {t('checkout.goVerify')}
            </Link>
          }
        />
      ) : null}

      <Card className="lh-buyer-card" size="small" data-testid="checkout-product">
        {loading ? (
          <Skeleton active avatar paragraph={{ rows: 2 }} />
        ) : title === '' ? (
          <Empty description={t('checkout.noProduct')} />
        ) : (
          <>
            <div className="lh-checkout-product">
              <span className="lh-buyer-thumb lh-buyer-thumb-lg">
                {p?.imageIds[0] ? <img src={productImageUrl(p.id, p.imageIds[0])} alt="" /> : <ShoppingOutlined />}
              </span>
              <div className="lh-checkout-product-body">
                <div className="lh-checkout-title" data-testid="checkout-title">
                  {title}
                </div>
                {p ? <div className="lh-buyer-muted">{p.merchantName}</div> : null}
                <div className="lh-checkout-price-row">
                  {flash ? <FlashSaleTag /> : null}
                  <span className="lh-buyer-price" data-testid="checkout-unit-price">
                    {formatFen(unitFen)}
                  </span>
                  {flash && flash.listPriceFen > flash.priceFen ? (
                    <span className="lh-buyer-strike">{formatFen(flash.listPriceFen)}</span>
                  ) : null}
                  {!flash && !sku && onSession ? <span className="lh-buyer-muted">{t('checkout.from')}</span> : null}
                </div>
                {noReason !== null ? <NoReasonBadge allowed={noReason} /> : null}
              </div>
            </div>
            {flash ? (
              <div className="lh-checkout-flash" data-testid="checkout-flash" data-state={flash.state}>
                {flashRunning
                  ? t('checkout.flashEndsIn', {
                      time: formatCountdown(Date.parse(flash.endsAt) - now),
                      n: flash.left,
                      limit: flash.perUserLimit,
                    })
                  : flash.left <= 0
                    ? t('flash.soldOut')
                    : flash.state === 'upcoming'
                      ? t('flash.startsIn', { time: formatCountdown(Date.parse(flash.startsAt) - now) })
                      : t('flash.over')}
              </div>
            ) : null}
            {p && p.skus.length > 0 && !flash ? (
              <div className="lh-checkout-row lh-checkout-skus">
                <span className="lh-checkout-label">{t('checkout.sku')}</span>
                <Radio.Group
                  value={skuId}
                  onChange={(e) => {
                    setSkuId(String(e.target.value));
                    setErrors({});
                  }}
                  optionType="button"
                  size="small"
                  data-testid="checkout-skus"
                  options={p.skus.map((s) => ({
                    value: s.id,
                    disabled: s.stock <= 0,
                    label: (
                      <span data-testid="sku-option" data-sku-id={s.id}>
                        {s.name}
                      </span>
                    ),
                  }))}
                />
              </div>
            ) : null}
            {errors.sku ? (
              <div className="lh-field-error" data-testid="sku-error">
                {errors.sku}
              </div>
            ) : null}
            {cannotResolveSku ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginTop: 12 }}
                data-testid="checkout-no-sku"
                title={t('checkout.skuUnavailable')}
                description={product.error ? errorMessage(product.error, t('common.networkError')) : undefined}
              />
            ) : null}
            <div className="lh-checkout-row">
              <span className="lh-checkout-label">{t('checkout.qty')}</span>
              <Space size={8} align="center">
                {sku && !flash ? <span className="lh-buyer-muted">{t('checkout.stock', { n: sku.stock })}</span> : null}
                {flash ? <span className="lh-buyer-muted">{t('checkout.limit', { n: flash.perUserLimit })}</span> : null}
                <Stepper
                  value={qty}
                  max={maxQty}
                  onChange={(n) => {
                    setQty(n);
                    setErrors({});
                  }}
                  disabled={busy}
                />
              </Space>
            </div>
            {errors.qty ? (
              <div className="lh-field-error" data-testid="qty-error">
                {errors.qty}
              </div>
            ) : null}
          </>
        )}
      </Card>

      <Card
        className="lh-buyer-card"
        size="small"
        title={
          <Space size={6}>
            <EnvironmentOutlined />
            {t('checkout.address')}
          </Space>
        }
        data-testid="checkout-address"
      >
        {addresses.isPending ? <Skeleton active paragraph={{ rows: 2 }} /> : null}
        {addresses.data && addresses.data.length > 0 ? (
          <Radio.Group
            className="lh-address-list"
            value={addressChoice}
            onChange={(e) => {
              setAddressChoice(String(e.target.value));
              setErrors({});
            }}
          >
            {addresses.data.map((a) => (
              <Radio key={a.id} value={a.id} className="lh-address-option" data-testid="address-option" data-address-id={a.id}>
                <div>
                  <Typography.Text strong>{a.name}</Typography.Text> <span className="lh-mono">{a.phone}</span>{' '}
                  {a.isDefault ? (
                    <Tag color="red" style={{ marginInlineStart: 4 }}>
                      {t('checkout.default')}
                    </Tag>
                  ) : null}
                  <div className="lh-buyer-muted">
                    {a.region} {a.detail}
                  </div>
                </div>
              </Radio>
            ))}
            <Radio value={NEW_ADDRESS} className="lh-address-option" data-testid="address-new">
              {t('checkout.newAddress')}
            </Radio>
          </Radio.Group>
        ) : null}
        {errors.address ? (
          <div className="lh-field-error" data-testid="address-error">
            {errors.address}
          </div>
        ) : null}
        <Form<AddressValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ save: true }}
          style={addressChoice === NEW_ADDRESS ? undefined : { display: 'none' }}
          className="lh-address-form"
          data-testid="address-form"
        >
          <Form.Item
            name="name"
            label={t('checkout.field.name')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={30} autoComplete="name" placeholder={t('checkout.field.namePlaceholder')} data-testid="addr-name" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('checkout.field.phone')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input
              maxLength={11}
              inputMode="tel"
              autoComplete="tel"
              placeholder={t('checkout.field.phonePlaceholder')}
              data-testid="addr-phone"
            />
          </Form.Item>
          <Form.Item
            name="region"
            label={t('checkout.field.region')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={60} placeholder={t('checkout.field.regionPlaceholder')} data-testid="addr-region" />
          </Form.Item>
          <Form.Item
            name="detail"
            label={t('checkout.field.detail')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea rows={2} maxLength={200} placeholder={t('checkout.field.detailPlaceholder')} data-testid="addr-detail" />
          </Form.Item>
          <Form.Item name="save" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox data-testid="addr-save">{t('checkout.saveAddress')}</Checkbox>
          </Form.Item>
        </Form>
      </Card>

      {session.data ? (
        <Card className="lh-buyer-card" size="small" data-testid="checkout-attribution">
          <Space size={6} className="lh-buyer-muted">
            <VideoCameraOutlined />
            {t('checkout.fromRoom', { title: session.data.title, streamer: session.data.streamerName })}
          </Space>
        </Card>
      ) : null}
      <Typography.Paragraph type="secondary" className="lh-checkout-note">
        {t('checkout.note')}
      </Typography.Paragraph>
    </ConsumerFrame>
  );
}
