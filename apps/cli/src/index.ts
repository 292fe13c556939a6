export { DEMO_PASSWORD, type DemoAccount, seedDemo, type SeedResult } from './seed/seed-demo.ts';
