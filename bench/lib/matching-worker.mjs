// Worker threads do not inherit tsx's loader: register it, then run the TypeScript worker (like apps/cli/bin).
import { register } from 'tsx/esm/api';

register();
await import('./matching-worker.ts');
