/**
 * The supervision context's public entry (网智平台, docs/supervision.md). So far: the fake-order (刷单) detector,
 * pure, run offline by `livehub clues scan`.
 */
export {
  detectFakeOrders,
  FAKE_ORDER_DEFAULTS,
  FAKE_ORDER_WEIGHTS,
  fakeOrderScore,
  HONEST_SHARING,
  parseScanOrder,
  sizeFactor,
} from './fake-orders.rules.ts';
export type {
  FakeOrderCluster,
  FakeOrderFlag,
  FakeOrderOptions,
  FakeOrderRule,
  FakeOrderSignals,
  ScanOrder,
  ScanOrderParse,
} from './fake-orders.rules.ts';
