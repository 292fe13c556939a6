/**
 * Test helper: a SKU's sellable units moved by `delta` the way the merchant's 补货 / 报损 moves them — an adjustment in
 * its merchant's default warehouse, posted through the stock ledger (docs/supply.md § Stock model), so the ledger, the
 * warehouse's on hand and the sellable number stay one truth in tests too.
 */
import { cliActor } from '@livehub/core';
import { expect } from 'vitest';
import type { Container } from '../container.ts';
import type { TestPlatform, TestSession } from './test-platform.ts';

export async function adjustStock(c: Container, skuId: string, delta: number): Promise<void> {
  const facts = await c.uow.read.inventory.skuFacts(skuId);
  if (!facts) throw new Error(`no SKU ${skuId}`);
  await c.uow.transaction((tx) => c.stock.adjustIn(tx, cliActor('test'), facts.merchantOrgId, skuId, delta, '测试：调整库存'));
}

/** A warehouse `who` opens through the API; the test fails unless it is created. Its id. */
export async function openWarehouse(p: TestPlatform, who: TestSession, name: string, region: string, address: string): Promise<string> {
  const r = await p.call(who, 'POST', '/api/inventory/warehouses', { name, region, address });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}
