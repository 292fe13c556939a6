/** `@livehub/cli`: what e2e tests drive in-process; the command itself is `bin/livehub.mjs`. */
export { type SimulateOptions, type SimulateResult, simulate } from './commands/simulate.ts';
