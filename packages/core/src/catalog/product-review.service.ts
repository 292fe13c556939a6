/**
 * Product review (商品审核) through the approval engine: submission (or resubmission of a returned product), the
 * automatic pre-checks — category rule, qualifications, trademark authorization, the screening engine over the
 * copy, required statements, reference price — and what each review step means for the product.
 */
import type { ComplianceService } from '../compliance/compliance.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, UnitOfWork } from '../ports/repositories.ts';
import type { Actor } from '../shared/actor.ts';
import type { AutomaticResult, WorkflowHooks, WorkflowService } from '../workflows/workflow.service.ts';
import type { BrandService } from './brand.service.ts';
import { referenceWindow } from './catalog.rules.ts';
import type { PreCheckFinding, ProductRecord, ProductStatus } from './catalog.types.ts';
import type { CategoryService } from './category.service.ts';
import { BLOCKING_SEVERITY, qualificationName } from './pre-check.rules.ts';
import type { ListingTx, ProductService } from './product.service.ts';

export interface ProductReviewDeps {
  /**
   * The whole unit of work: the approval engine (`workflows.submit`, the step hooks) runs on every repository of
   * the transaction, and the pre-checks read the merchant's qualifications (registry) and documents (workflows).
   */
  uow: UnitOfWork;
  workflows: WorkflowService;
  compliance: ComplianceService;
  categories: CategoryService;
  brands: BrandService;
  products: ProductService;
  onProductChanged?: ((tx: ListingTx, productId: string, now: Date) => Promise<void>) | undefined;
  /** the settlement context's deposit standing (保证金): listing is refused while the deposit is short */
  deposits?: DepositGate | undefined;
}

/**
 * The deposit gate of listing, a reader port the settlement context implements (`DepositService.depositShortfall`):
 * the requirement over a product's category path against the merchant's deposit balance.
 */
export interface DepositGate {
  depositShortfall(merchantOrgId: string, categoryPathIds: string[]): Promise<{ requiredFen: number; balanceFen: number; dueFen: number }>;
}

export class ProductReviewService {
  constructor(private readonly d: ProductReviewDeps) {}

  /** 提交审核: opens a product review (or resubmits a returned one); the automatic pre-checks run at once. */
  async submitForReview(actor: Actor, id: string): Promise<{ product: ProductRecord; applicationId: string; step: string }> {
    await this.d.products.requireMerchant(actor);
    const p0 = await this.d.uow.read.catalog.findProduct(id);
    if (!p0 || p0.merchantOrgId !== actor.orgId) throw new AppError('catalog.product_not_found', { field: 'id' });
    if (p0.status === 'in_review' || p0.status === 'approved')
      throw new AppError('catalog.already_submitted', { details: { status: p0.status } });
    await this.checkDeposit(p0);
    if (p0.status === 'returned' && p0.reviewApplicationId) {
      const app = await this.d.workflows.act(actor, p0.reviewApplicationId, { action: 'resubmit' });
      const product = await this.d.uow.read.catalog.findProduct(id);
      return { product: product as ProductRecord, applicationId: app.id, step: app.step };
    }
    return this.d.uow.transaction(async (tx) => {
      const p = await this.d.products.ownProduct(tx, actor, id);
      const app = await this.d.workflows.submit(tx, actor, {
        kind: 'product_review',
        subjectType: 'product',
        subjectId: p.id,
        data: { title: p.title, categoryId: p.categoryId, productVersion: p.version },
        documents: [],
      });
      const product = (await tx.catalog.findProduct(id)) as ProductRecord;
      return { product, applicationId: app.id, step: app.step };
    });
  }

  /** 保证金 gate: the merchant's deposit must cover the requirement of the product's category path. */
  private async checkDeposit(p: ProductRecord): Promise<void> {
    if (!this.d.deposits) return;
    const path = (await this.d.categories.categoryPathOf(p.categoryId)).map((c) => c.id);
    const s = await this.d.deposits.depositShortfall(p.merchantOrgId, path.length > 0 ? path : [p.categoryId]);
    if (s.dueFen > 0)
      throw new AppError('deposit.insufficient', {
        field: 'categoryId',
        details: { requiredFen: s.requiredFen, balanceFen: s.balanceFen, dueFen: s.dueFen },
      });
  }

  // ---- product review ----------------------------------------------------------------------------------------

  /** The automatic pre-checks of a product review. Blocking failures reject; the rest reach the reviewer flagged. */
  async preChecks(tx: Repositories, p: ProductRecord, now: Date): Promise<PreCheckFinding[]> {
    const findings: PreCheckFinding[] = [];
    const rule = await this.d.categories.effectiveRule(p.categoryId, tx);
    const leaf = rule.path.at(-1);
    const catName = rule.path.map((c) => c.nameZh).join(' / ');
    // 1. the category's live-sale rule
    if (rule.liveRule === 'prohibited') {
      findings.push({
        check: 'category',
        ok: false,
        blocking: true,
        ruleId: `CAT-${rule.ruleFrom?.id ?? p.categoryId}`,
        message: {
          zh: `「${catName}」属于禁止直播销售的商品类目`,
          en: `“${rule.path.map((c) => c.nameEn).join(' / ')}” may not be sold in live rooms`,
        },
        basis: rule.ruleFrom?.basis ?? leaf?.basis ?? null,
      });
    } else {
      findings.push({
        check: 'category',
        ok: true,
        blocking: true,
        ruleId: null,
        message: {
          zh: `类目「${catName}」可直播销售（${rule.liveRule === 'restricted' ? '需资质' : '无特殊要求'}）`,
          en: `“${rule.path.map((c) => c.nameEn).join(' / ')}” may be sold live (${rule.liveRule === 'restricted' ? 'qualifications required' : 'no special requirement'})`,
        },
        basis: null,
      });
    }
    // 2. the qualifications the category requires, on file and not expired
    if (rule.qualifications.length > 0) {
      const held = new Set<string>();
      for (const q of await tx.registry.listQualifications({ orgId: p.merchantOrgId }))
        if (q.status !== 'expired' && (!q.expiresAt || q.expiresAt > now)) held.add(q.type);
      for (const id of p.qualificationDocIds) {
        const doc = await tx.workflows.findDocument(id);
        if (doc && (!doc.expiresAt || doc.expiresAt > now)) held.add(doc.docType);
      }
      for (const q of rule.qualifications) {
        const ok = held.has(q);
        findings.push({
          check: 'qualification',
          ok,
          blocking: true,
          ruleId: ok ? null : `QUAL-${q}`,
          message: ok
            ? { zh: `资质齐全：${qualificationName(q).zh}`, en: `Qualification on file: ${qualificationName(q).en}` }
            : { zh: `缺少有效资质：${qualificationName(q).zh}`, en: `Missing or expired qualification: ${qualificationName(q).en}` },
          basis: ok ? null : (rule.ruleFrom?.basis ?? '网络直播营销选品规范 第四条至第六条'),
        });
      }
    }
    // 3. the key-trademark protection list
    if (p.brandId) {
      const brand = await tx.catalog.findBrand(p.brandId);
      if (brand?.protected) {
        const ok = await this.d.brands.brandAllowed(tx, brand, p.merchantOrgId, now);
        findings.push({
          check: 'trademark',
          ok,
          blocking: true,
          ruleId: ok ? null : 'TM-PROTECTED',
          message: ok
            ? { zh: `重点保护商标「${brand.name}」：授权有效`, en: `Protected brand “${brand.name}”: authorized` }
            : {
                zh: `「${brand.name}」列入重点商标保护名录，须提交权利人的有效授权`,
                en: `“${brand.name}” is on the key-trademark protection list: a valid authorization from the rights holder is required`,
              },
          basis: ok ? null : '商标法 第五十七条；重点商标保护名录制度',
        });
      }
    }
    // 4. the screening engine over the copy, with the reference price against the 7-day lowest price
    const skus = await tx.catalog.listSkus([p.id]);
    const minPrice = Math.min(...skus.map((s) => s.priceFen));
    const window = referenceWindow(now);
    const lowest = await tx.catalog.lowestPrice(
      skus.map((s) => s.id),
      window.from,
      window.to,
    );
    const lowest7d = lowest.size > 0 ? Math.min(...lowest.values()) : undefined;
    const fixedCopy = [p.title, ...p.claims].join('\n');
    const screened = this.d.compliance.screen({
      text: `${fixedCopy}\n${p.description}`,
      kind: 'product_copy',
      productCategory: rule.screenAs as never,
      ...(p.referencePriceFen !== null && skus.length > 0
        ? {
            card: {
              priceFen: minPrice,
              referencePriceFen: p.referencePriceFen,
              ...(lowest7d !== undefined ? { lowest7dPriceFen: lowest7d } : {}),
            },
          }
        : {}),
    });
    const seen = new Set<string>();
    for (const h of screened.hits) {
      const key = `${h.rule}:${h.normalized}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const inFixedCopy = h.via !== 'detector' && h.start < fixedCopy.length;
      const blocking = h.action === 'block' || (inFixedCopy && h.severity >= BLOCKING_SEVERITY && h.category !== 'price_fraud');
      findings.push({
        check: h.category === 'price_fraud' ? 'price' : 'screening',
        ok: false,
        blocking,
        ruleId: h.rule,
        message: h.explanation,
        basis: h.basis,
      });
    }
    // 5. statements the category requires (保健食品: 本品不能代替药物)
    if (rule.disclaimer) {
      const copy = `${p.title}${p.claims.join('')}${p.description}`.replace(/\s+/g, '');
      const ok = copy.includes(rule.disclaimer);
      findings.push({
        check: 'disclaimer',
        ok,
        blocking: true,
        ruleId: ok ? null : `DISC-${rule.ruleFrom?.id ?? p.categoryId}`,
        message: ok
          ? { zh: `已标明「${rule.disclaimer}」`, en: `Carries “${rule.disclaimer}”` }
          : { zh: `商品描述须显著标明「${rule.disclaimer}」`, en: `The copy must state “${rule.disclaimer}”` },
        basis: ok ? null : (rule.path.find((c) => c.requiredDisclaimer)?.basis ?? null),
      });
    }
    return findings;
  }

  /** The approval engine's effects for product reviews: what each step means for the product. */
  hooks(): Record<string, WorkflowHooks> {
    const statusFor: Record<string, ProductStatus> = {
      review: 'in_review',
      pre_checks: 'in_review',
      returned: 'returned',
      approved: 'approved',
      rejected: 'rejected',
      withdrawn: 'draft',
    };
    return {
      product_review: {
        onEnter: async (tx, app, step, now, detail) => {
          const status = statusFor[step];
          if (!status) return;
          const p = await tx.catalog.findProduct(app.subjectId);
          if (!p) return;
          const failed = (p.checks ?? []).filter((f) => !f.ok && f.blocking);
          const reason =
            (detail.reason as string | undefined) ??
            (step === 'rejected' && failed.length > 0 ? failed.map((f) => f.message.zh).join('；') : null);
          const next: ProductRecord = {
            ...p,
            status,
            statusReason: reason,
            reviewApplicationId: app.id,
            version: p.version + 1,
            updatedAt: now,
          };
          if (!(await tx.catalog.updateProduct(next, p.version))) throw new AppError('catalog.stale');
          await this.d.onProductChanged?.(tx, p.id, now);
        },
        automatic: async (tx, app, now): Promise<AutomaticResult> => {
          const p = await tx.catalog.findProduct(app.subjectId);
          if (!p) return { ok: false, findings: { error: 'product not found' } };
          const checks = await this.preChecks(tx, p, now);
          const next: ProductRecord = { ...p, checks, version: p.version + 1, updatedAt: now };
          if (!(await tx.catalog.updateProduct(next, p.version))) throw new AppError('catalog.stale');
          const failed = checks.filter((c) => !c.ok);
          return {
            ok: !failed.some((c) => c.blocking),
            findings: {
              passed: checks.filter((c) => c.ok).length,
              blocking: failed.filter((c) => c.blocking).map((c) => ({ ruleId: c.ruleId, zh: c.message.zh, basis: c.basis })),
              flagged: failed.filter((c) => !c.blocking).map((c) => ({ ruleId: c.ruleId, zh: c.message.zh, basis: c.basis })),
            },
          };
        },
      },
    };
  }
}
