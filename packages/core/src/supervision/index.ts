/**
 * The supervision context's public entry (网智平台, docs/supervision.md): supervision clues (线索) raised by
 * detectors on the event stream, credit's thresholds and regulators, with the department queues; and the fake-order
 * (刷单) detector, pure, run offline by `livehub clues scan`.
 */
export { CLUE_TOPIC_RAISED, ClueService } from './clue.service.ts';
export type { ClueDeps, DepartmentDirectory } from './clue.service.ts';
export type * from './clue.types.ts';
export type * from './clue.repository.ts';
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
