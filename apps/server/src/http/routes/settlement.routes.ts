/**
 * Finance reads (资金结算 / 收益 / 财务 / 先行赔付金): the caller's own balances, account lines and income per day
 * (merchant staff, streamers, MCN managers: the party is the caller's, never a parameter), a streamer's or MCN's
 * commission, the platform's accounts and ledger check (platform admins), and the advance-compensation fund
 * (platform admins and regulators, read-only).
 */
import {
  financeBalancesSchema,
  financeCommissionSchema,
  financeDailySchema,
  financeDaysQuerySchema,
  financeFundSchema,
  financeLinePageSchema,
  financeLinesQuerySchema,
  financePlatformSchema,
  fundQuerySchema,
} from '@livehub/contracts';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { cursorOf, presentCommission, presentFund, presentLinePage, presentPlatform } from '../presenters/finance.presenter.ts';
import type { Api } from './types.ts';

const tags = ['finance'];
/** Who holds accounts of their own: a merchant's staff (its organization), a streamer, an MCN's manager. */
export const FINANCE_PARTIES = ['merchant_staff', 'streamer', 'mcn_manager'] as const;
const COMMISSION_EARNERS = ['streamer', 'mcn_manager'] as const;
const PLATFORM = ['platform_admin'] as const;
const FUND_READERS = ['platform_admin', 'regulator'] as const;

export function settlementRoutes(api: Api, c: Container): void {
  api.get(
    '/api/finance/balances',
    {
      config: { policy: { allow: FINANCE_PARTIES } },
      schema: { tags, summary: 'My balances: pending, available, deposit, debt (fen)', response: { 200: financeBalancesSchema } },
    },
    async (req) => c.finance.balances(requireActor(req)),
  );
  api.get(
    '/api/finance/lines',
    {
      config: { policy: { allow: FINANCE_PARTIES } },
      schema: {
        tags,
        summary: 'The lines of one of my accounts, newest first (keyset paging)',
        querystring: financeLinesQuerySchema,
        response: { 200: financeLinePageSchema },
      },
    },
    async (req) => {
      const { kind, limit } = req.query;
      return presentLinePage(await c.finance.lines(requireActor(req), { ...(kind ? { kind } : {}), limit, ...cursorOf(req.query) }));
    },
  );
  api.get(
    '/api/finance/income',
    {
      config: { policy: { allow: FINANCE_PARTIES } },
      schema: {
        tags,
        summary: 'My income per Asia/Shanghai day (positive postings into my pending account)',
        querystring: financeDaysQuerySchema,
        response: { 200: financeDailySchema },
      },
    },
    async (req) => c.finance.income(requireActor(req), req.query.days),
  );
  api.get(
    '/api/finance/commission',
    {
      config: { policy: { allow: COMMISSION_EARNERS } },
      schema: { tags, summary: 'My commission per live session and per product', response: { 200: financeCommissionSchema } },
    },
    async (req) => presentCommission(await c.finance.commission(requireActor(req))),
  );
  api.get(
    '/api/finance/platform',
    {
      config: { policy: { allow: PLATFORM } },
      schema: {
        tags,
        summary: "The platform's accounts, fee income per day and the ledger check",
        querystring: financeDaysQuerySchema,
        response: { 200: financePlatformSchema },
      },
    },
    async (req) => presentPlatform(await c.finance.platform(requireActor(req), req.query.days)),
  );
  api.get(
    '/api/finance/fund',
    {
      config: { policy: { allow: FUND_READERS } },
      schema: {
        tags,
        summary: 'The advance-compensation fund (先行赔付金): balance and movements',
        querystring: fundQuerySchema,
        response: { 200: financeFundSchema },
      },
    },
    async (req) => presentFund(await c.finance.fund(requireActor(req), { limit: req.query.limit, ...cursorOf(req.query) })),
  );
}
