import { kvContract } from '@livehub/testing/kv-contract';
import { createMemoryKv } from './memory-kv.ts';

kvContract('memory (unit)', async () => {
  const kv = createMemoryKv();
  return { kv, drop: () => kv.close() };
});
