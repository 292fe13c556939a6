/**
 * The demo district (`livehub serve --demo`, `livehub seed`, the test platform and the benchmark servers). It
 * lives next to the container it fills, so the CLI and the test platform both reach it without the server ever
 * importing the CLI.
 */
export { DEMO_PASSWORD, type DemoAccount, type SeedProgress, seedDemo, type SeedResult } from './seed-demo.ts';
export { type DistrictHistoryCounts, HISTORY_MAX_DAYS, seedDistrictHistory } from './seed-district-history.ts';
export { syntheticMerchant, syntheticProduct } from './synthetic-data.ts';
