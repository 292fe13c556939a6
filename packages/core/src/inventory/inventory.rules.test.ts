import { describe, expect, it } from 'vitest';
import { bufferDelta, movementProblem, movesSellable, needsOf, pickWarehouse, reservedOf } from './inventory.rules.ts';

describe('movement kinds', () => {
  it('shipments and transfers leave the sellable number alone; the rest move it', () => {
    expect(movesSellable('shipment')).toBe(false);
    expect(movesSellable('transfer_out')).toBe(false);
    expect(movesSellable('transfer_in')).toBe(false);
    for (const k of ['opening', 'receipt', 'adjustment', 'return', 'sample_out', 'sample_return'] as const)
      expect(movesSellable(k)).toBe(true);
  });
  it('checks the direction of each kind and asks adjustments for a reason', () => {
    expect(movementProblem('receipt', 5, null)).toBeNull();
    expect(movementProblem('receipt', -5, null)).toBe('qty');
    expect(movementProblem('shipment', 2, null)).toBe('qty');
    expect(movementProblem('shipment', -2, null)).toBeNull();
    expect(movementProblem('transfer_out', -1, null)).toBeNull();
    expect(movementProblem('return', 0, null)).toBe('qty');
    expect(movementProblem('receipt', 1.5, null)).toBe('qty');
    expect(movementProblem('adjustment', -3, '  ')).toBe('reason');
    expect(movementProblem('adjustment', -3, '盘亏')).toBeNull();
    expect(movementProblem('adjustment', 3, '盘盈')).toBeNull();
  });
});

describe('derived numbers', () => {
  it('reserved is on hand less sellable less buffer', () => {
    expect(reservedOf(10, 6, 1)).toBe(3);
    expect(reservedOf(0, 0, 0)).toBe(0);
  });
  it('a larger buffer lowers sellable by the difference', () => {
    expect(bufferDelta(0, 3)).toBe(-3);
    expect(bufferDelta(5, 2)).toBe(3);
  });
  it('sums needs per SKU', () => {
    expect([
      ...needsOf([
        { skuId: 'a', qty: 1 },
        { skuId: 'b', qty: 2 },
        { skuId: 'a', qty: 3 },
      ]),
    ]).toEqual([
      ['a', 4],
      ['b', 2],
    ]);
  });
});

describe('pickWarehouse', () => {
  const wh = (id: string, isDefault: boolean, stock: Record<string, number>) => ({
    id,
    isDefault,
    name: id,
    onHand: new Map(Object.entries(stock)),
  });
  it('prefers the default warehouse when it holds every line', () => {
    expect(pickWarehouse([wh('b', false, { x: 9 }), wh('a', true, { x: 5 })], new Map([['x', 5]]))).toBe('a');
  });
  it('falls back to another warehouse that holds every line, never splits', () => {
    expect(
      pickWarehouse(
        [wh('a', true, { x: 1, y: 9 }), wh('b', false, { x: 5, y: 1 }), wh('c', false, { x: 5, y: 5 })],
        new Map([
          ['x', 2],
          ['y', 2],
        ]),
      ),
    ).toBe('c');
    expect(pickWarehouse([wh('a', true, { x: 1 }), wh('b', false, { x: 1 })], new Map([['x', 2]]))).toBeNull();
  });
});
