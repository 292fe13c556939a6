/**
 * `@livehub/server/testing`: a whole platform for integration and e2e tests. Test code only — the server's
 * running code never imports it. Database and Redis helpers come from `@livehub/testing`.
 */
export {
  type ApiAnswer,
  type ApiMethod,
  createTestPlatform,
  DEMO_ACCOUNT_BY_ROLE,
  type TestPlatform,
  type TestSession,
} from './test-platform.ts';
export { type RoomChatEvent, type RoomClientOptions, type RoomFrame, RoomTestClient } from './room-client.ts';
export { insertOrder } from './settlement-fixtures.ts';
export { clearCredit } from './credit-fixtures.ts';
export { adjustStock, openWarehouse } from './stock-fixtures.ts';
export { drainOutbox, testActor } from './outbox-fixtures.ts';
export { demoSkuInStock, placeAndPay } from './order-fixtures.ts';
export { expectLedgerBalanced, until } from './wait-fixtures.ts';
export { productDraft } from './catalog-fixtures.ts';
