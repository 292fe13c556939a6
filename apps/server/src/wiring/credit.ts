/**
 * The credit context's wiring (信用, docs/credit.md), in two steps because the gate comes first: every other
 * context asks the gate what a party's credit allows (going live, selection, flash sales…), while the scoring side
 * needs payouts (tier D holds them) and the approval engine (申诉), which are wired later.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  CreditAppealService,
  CreditGateService,
  type CreditInquiryPort,
  CreditModeHook,
  CreditModelService,
  CreditModesCache,
  CreditModeService,
  CreditPublicService,
  CreditRecomputeService,
  CreditReportService,
  CreditService,
  CreditViewService,
  ObservationAdjuster,
  ObservationPeriods,
  PayoutHoldMeasure,
  type PayoutHoldService,
  SandboxAdjuster,
  StaticCreditModel,
  type WorkflowHooks,
  type WorkflowService,
} from '@livehub/core';
import { creditParties, creditPartiesIn, creditPartyFinder } from '../adapters/credit-parties.ts';
import { creditReportInquiry } from '../adapters/credit-report-inquiry.ts';
import { WorkerCreditRangeScorer } from '../adapters/credit-range-scorer.ts';
import type { Late } from './late.ts';
import type { Platform } from './platform.ts';

/** The model in force, the parties and the gate with its enforcement-mode adjusters. */
export function wireCreditGate(p: Platform) {
  const { clock, uow } = p;
  // 信用: the model in force, and the one place every gate asks what a party's credit allows (going live,
  // selection, flash sales…); enforcement modes adjust its answer (docs/credit.md)
  const creditModel = new StaticCreditModel();
  const creditPartyDirectory = creditParties(uow);
  // the modes' settings and sandbox memberships, held in the process and dropped on change (here or told by pubsub)
  const creditModesCache = new CreditModesCache();
  // 观察期: asked by the standing (outside a transaction) and by tier D's payout hold (inside the rescoring one)
  const observationPeriods = new ObservationPeriods({ partiesIn: creditPartiesIn, cache: creditModesCache });
  const creditGate = new CreditGateService({
    uow,
    model: creditModel,
    clock,
    adjusters: [
      new ObservationAdjuster({ uow, model: creditModel, periods: observationPeriods }),
      new SandboxAdjuster({ uow, cache: creditModesCache }),
    ],
  });
  return { creditModel, creditPartyDirectory, creditModesCache, observationPeriods, creditGate };
}

/** Scores, tiers and measures, the enforcement modes, the model's versions, reports, appeals and the public lookup. */
export async function wireCredit(
  p: Platform,
  d: {
    gate: ReturnType<typeof wireCreditGate>;
    payoutHolds: PayoutHoldService;
    workflows: WorkflowService;
    hooks: Record<string, WorkflowHooks>;
    /** 信用征询 in the registry reads the signed report built here */
    creditInquiry: Late<CreditInquiryPort>;
  },
) {
  const { config, clock, ids, uow, kv, audit } = p;
  const { payoutHolds, workflows, hooks, creditInquiry } = d;
  const { creditModel, creditPartyDirectory, creditModesCache, observationPeriods, creditGate } = d.gate;
  // the modes' settings and sandbox memberships held in the process; a change on any process reaches every process
  // 信用: scores from events, tiers and their measures (docs/credit.md); tier D holds payouts (not inside 观察期:
  // the tick's sweep holds a party still at D when its period ends)
  const creditPayoutHolds = new PayoutHoldMeasure({ holds: payoutHolds, model: creditModel, clock, observation: observationPeriods, uow });
  const credit = new CreditService({
    uow,
    clock,
    ids,
    audit,
    parties: creditPartyDirectory,
    model: creditModel,
    listeners: [creditPayoutHolds],
    hooks: [new CreditModeHook({ model: creditModel, clock, ids, audit, cache: creditModesCache })],
  });
  // 包容审慎监管's modes: settings, sandbox cohorts, training tasks, clues (docs/credit.md, "Enforcement modes")
  const creditModes = new CreditModeService({
    uow,
    clock,
    ids,
    audit,
    model: creditModel,
    credit,
    parties: creditPartyDirectory,
    gate: creditGate,
    cache: creditModesCache,
    modesChanged: () => kv.pubsub.publish('credit:modes', '1'),
  });
  const unsubscribeCreditModes = await kv.pubsub.subscribe('credit:modes', () => creditModesCache.changed());
  const creditView = new CreditViewService({ uow, clock, parties: creditPartyDirectory, credit, modes: creditModes });
  // a full recompute scores each range on a worker thread while the database reads the next
  const creditRecompute = new CreditRecomputeService({
    uow,
    clock,
    ids,
    audit,
    credit,
    policies: creditModes,
    scorer: new WorkerCreditRangeScorer(),
  });
  // the model in force: the newest published version; a publish re-scores everyone and tells every process
  const creditModels = new CreditModelService({
    uow,
    clock,
    audit,
    source: creditModel,
    rescoreAll: (actor) => creditRecompute.recompute(actor),
    modelChanged: () => kv.pubsub.publish('credit:model', '1'),
  });
  await creditModels.load();
  const unsubscribeCreditModel = await kv.pubsub.subscribe('credit:model', () => void creditModels.load().catch(() => {}));
  // 信用报告: signed with a key derived from the session secret, like the simulators' keys
  const reportKey = createHmac('sha256', config.sessionSecret).update('livehub:credit-report').digest();
  const reportMac = (hash: string) => createHmac('sha256', reportKey).update(hash).digest();
  const creditReports = new CreditReportService({
    uow,
    clock,
    ids,
    audit,
    parties: creditPartyDirectory,
    credit,
    signer: {
      sign: (hash) => reportMac(hash).toString('hex'),
      verify: (hash, signature) => {
        const given = Buffer.from(signature, 'hex');
        const expected = reportMac(hash);
        return given.length === expected.length && timingSafeEqual(given, expected);
      },
    },
  });
  creditInquiry.set(creditReportInquiry(creditReports));
  // 申诉: through the approval engine; the decision voids and rescores in the engine's transaction
  const creditAppeals = new CreditAppealService({ uow, clock, ids, audit, credit, workflows });
  Object.assign(hooks, creditAppeals.hooks());
  // 信用公示: tier and masked name, rate-limited per client
  const creditPublic = new CreditPublicService({ uow, finder: creditPartyFinder(uow), rateLimits: kv.rateLimits });
  return {
    credit,
    creditPayoutHolds,
    creditModes,
    creditView,
    creditRecompute,
    creditModels,
    creditReports,
    creditAppeals,
    creditPublic,
    unsubscribeCreditModes,
    unsubscribeCreditModel,
  };
}
