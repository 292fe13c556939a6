/**
 * Categories and their live-sale rules (直播销售类目规则): the shipped tree, the cached table, the rule that applies
 * to a category, and the platform's audited edits.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { pick, strictestRule, stripUndefined } from './catalog.rules.ts';
import type { CategoryRecord, EffectiveRule } from './catalog.types.ts';
import { categoryPath, defaultCategories } from './default-categories.ts';

/** Repositories that can read the category table (any transaction's, or the read side). */
export type CategoryReads = Pick<Repositories, 'catalog'>;

export interface CategoryDeps {
  uow: ScopedUnitOfWork<'catalog' | 'audit'>;
  clock: Clock;
  audit: AuditService;
}

export class CategoryService {
  private categoryCache: Map<string, CategoryRecord> | null = null;

  constructor(private readonly d: CategoryDeps) {}

  /** Loads the shipped category tree where categories are missing; never overwrites an operator's edit. */
  async ensureCategories(): Promise<number> {
    const existing = new Set((await this.d.uow.read.catalog.listCategories()).map((c) => c.id));
    const missing = defaultCategories(this.d.clock.now()).filter((c) => !existing.has(c.id));
    if (missing.length > 0)
      await this.d.uow.transaction(async (tx) => {
        for (const c of missing) await tx.catalog.upsertCategory(c);
      });
    this.categoryCache = null;
    return missing.length;
  }

  /** The category table, cached; inside a transaction pass its repositories (one connection: never read beside it). */
  async categories(repos: CategoryReads = this.d.uow.read): Promise<Map<string, CategoryRecord>> {
    if (!this.categoryCache) {
      const all = await repos.catalog.listCategories();
      this.categoryCache = new Map(all.map((c) => [c.id, c]));
    }
    return this.categoryCache;
  }

  async categoryPathOf(id: string, repos?: CategoryReads): Promise<CategoryRecord[]> {
    return categoryPath(await this.categories(repos), id);
  }

  /** The rule that applies to a category: the strictest along its path, with every required qualification. */
  async effectiveRule(categoryId: string, repos?: CategoryReads): Promise<EffectiveRule> {
    return strictestRule(await this.categoryPathOf(categoryId, repos));
  }

  async updateCategory(
    actor: Actor,
    id: string,
    patch: Partial<Pick<CategoryRecord, 'liveRule' | 'requiredQualifications' | 'requiredDisclaimer' | 'noReasonReturn' | 'basis'>> & {
      reason: string;
    },
  ): Promise<CategoryRecord> {
    const { reason, ...changes } = patch;
    const next = await this.d.uow.transaction(async (tx) => {
      const c = await tx.catalog.findCategory(id);
      if (!c) throw new AppError('catalog.category_not_found', { field: 'id' });
      const updated: CategoryRecord = { ...c, ...stripUndefined(changes), updatedAt: this.d.clock.now() };
      await tx.catalog.upsertCategory(updated);
      await this.d.audit.record(tx, actor, {
        action: 'category.update',
        targetType: 'category',
        targetId: id,
        detail: { before: pick(c, Object.keys(changes)), after: stripUndefined(changes), reason },
      });
      return updated;
    });
    this.categoryCache = null;
    return next;
  }
}
