/**
 * The supervision context's public entry (网智平台, docs/supervision.md): supervision clues (线索) raised by
 * detectors on the event stream, credit's thresholds and regulators, with the department queues; and the fake-order
 * (刷单) detector, pure, run offline by `livehub clues scan`.
 */
export { CLUE_TOPIC_RAISED, type ClueEvent, ClueService } from './clue.service.ts';
export type { ClueDeps, DepartmentDirectory, SessionMarketReader, SessionOrdersReader } from './clue.service.ts';
export {
  FAKE_ORDER_HIGH_SCORE,
  FAKE_ORDER_HISTORY_DAYS,
  FAKE_ORDER_REFUND_DAYS,
  fakeOrderRisk,
  fakeOrderTriggers,
  toScanOrders,
} from './fake-orders-live.rules.ts';
export type { LiveSignalOrder, SessionOrderFacts } from './fake-orders-live.rules.ts';
export { listRaiseIn, lowestInWindow, PRICE_WINDOW_DAYS, probeSession, SCARCITY, SCARCITY_SIGNAL } from './market-probes.rules.ts';
export { type PriceFinding, priceFraudFindings, priceInEffect } from './price-fraud.rules.ts';
export type { SessionPricePoint, SessionMarketFacts, SessionProductFact } from './market-probes.rules.ts';
export { CROSS_BORDER_REPORT_MAX, CrossBorderReportService } from './cross-border.service.ts';
export type { CrossBorderProductFact, CrossBorderReader } from './cross-border.service.ts';
export { declarationFinding, medianUnitPrice, UNDER_DECLARATION } from './cross-border.rules.ts';
export type { DeclarationFinding, SoldPrice } from './cross-border.rules.ts';
export { CASE_TOPIC_DECIDED, CASE_TOPIC_NOTIFIED, CaseService } from './case.service.ts';
export type { CaseDeps, CaseEnforcement, DecisionDocument, DecisionRenderer } from './case.service.ts';
export type * from './case.types.ts';
export type * from './case.repository.ts';
export {
  caseNumber,
  chainHash,
  checkStep,
  contentHash,
  DEFENCE_WORKING_DAYS,
  decisionSeverity,
  defenceDeadline,
  GENESIS_HASH,
  MEASURE_LABELS,
  measureProblem,
  verifyChain,
} from './case.rules.ts';
export type * from './clue.types.ts';
export type * from './clue.repository.ts';
export { BUNDLE_MAX_AGE_DAYS, ExchangeService } from './exchange.service.ts';
export type { ExchangeDeps, ExchangeDirectory } from './exchange.service.ts';
export type * from './exchange.types.ts';
export type * from './exchange.repository.ts';
export { bundleSha256, generateRegionKey, keyIdOf, normalizePublicKey, publicKeyPem, signBundle, verifyBundle } from './exchange-bundle.ts';
export { CLUE_FEED, COMPLAINT_SPIKE, clueSummary, departmentFor, SERIOUS_SEVERITY } from './clue-feed.rules.ts';
export type { ClueTrigger } from './clue-feed.rules.ts';
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
export { MAX_LIVE_ROOMS, ROOM_EVENTS, WALL_MINUTES, WALL_ROLES, WALL_TOP_ROOMS, WALL_TOPICS, WallService } from './wall.service.ts';
export type { ViewerCounts, WallDeps, WallWatchOptions } from './wall.service.ts';
export type * from './wall.repository.ts';
export {
  COMPLAINT_POINTS,
  HIT_POINTS,
  PRICE_POINTS,
  priceAnomalies,
  REPORT_POINTS,
  RISK_CAPS,
  RISK_COMPLAINT_WINDOW_DAYS,
  RISK_HIT_WINDOW_MINUTES,
  RISK_LEVELS,
  riskLevel,
  roomRisk,
} from './room-risk.rules.ts';
export type {
  PriceAnomaly,
  PricePointFact,
  RoomRisk,
  RoomRiskFacts,
  RoomRiskKey,
  RoomRiskLevel,
  RoomRiskReason,
} from './room-risk.rules.ts';
export { LINE_HEADER, StatisticsService } from './statistics.service.ts';
export type {
  SpreadsheetWriter,
  StatisticsDeps,
  StatsLine,
  StatsOverview,
  StatsQuery,
  StatsSheet,
  StatsTargetLine,
} from './statistics.service.ts';
export type * from './statistics.types.ts';
export type * from './statistics.repository.ts';
export {
  isPhysicalCategory,
  monthRange,
  monthsBetween,
  NON_PHYSICAL_CATEGORIES,
  per10k,
  progress,
  TARGET_METRICS,
  yoyGrowth,
} from './statistics.rules.ts';
export type { StatsFigures, TargetMetric } from './statistics.rules.ts';
export {
  IP_OFFICE_DEPARTMENT,
  IP_TOPIC_ACTION,
  IP_TOPIC_CLOSED,
  IP_TOPIC_COUNTERED,
  IP_TOPIC_FILED,
  IpNoticeService,
} from './ip-notice.service.ts';
export type { IpCatalog, IpDocumentReader, IpNoticeDeps } from './ip-notice.service.ts';
export type * from './ip-notice.types.ts';
export type * from './ip-notice.repository.ts';
export { daysLeft, HOLDER_ACTION_DAYS, holderActionDeadline, holderActionLapsed, noticeNumber } from './ip-notice-deadlines.rules.ts';
export {
  IP_FINAL_STATUSES,
  IP_NOTICE_ACTIONS,
  ipNoticeActionRole,
  ipNoticeActionsFor,
  ipNoticeStep,
  ipNoticeTransitions,
} from './ip-notice-state.ts';
export type { IpNoticeAction } from './ip-notice-state.ts';
