/**
 * Test helper: the draft product the catalog tests list through the API — a 家居 / 厨房 vacuum flask with samples
 * and two SKUs — with `over` on top.
 */
export function productDraft(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '316不锈钢真空保温杯 大容量 500ml',
    description: '双层真空，保温12小时。',
    claims: ['316不锈钢内胆', '一键开盖'],
    categoryId: 'home.kitchen',
    sampleAvailable: true,
    sampleStock: 3,
    skus: [
      { name: '500ml 曜石黑', priceFen: 8900, stock: 500 },
      { name: '750ml 月光白', priceFen: 10900, stock: 300 },
    ],
    ...over,
  };
}
