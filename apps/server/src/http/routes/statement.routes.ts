/**
 * 对账单: a party's statement for a day or a month, as JSON, CSV (UTF-8 with BOM) and XLSX. Merchants' staff read
 * their organization's, MCN managers theirs, streamers their own; platform admins and regulators any party's (read
 * only: there is nothing to write). The service decides whose statement the caller may read.
 */
import { statementQuerySchema, statementViewSchema } from '@livehub/contracts';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { presentStatement, statementCsv, statementFileName, statementXlsx } from '../presenters/statement.presenter.ts';
import type { Api } from './types.ts';

export const STATEMENT_READERS = ['merchant_staff', 'streamer', 'mcn_manager', 'platform_admin', 'regulator'] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function statementRoutes(api: Api, c: Container): void {
  api.get(
    '/api/statements',
    {
      config: { policy: { allow: STATEMENT_READERS } },
      schema: {
        tags: ['settlement'],
        summary: 'A party’s statement (对账单) for a day or a month (China time)',
        querystring: statementQuerySchema,
        response: { 200: statementViewSchema },
      },
    },
    async (req) => presentStatement(await c.statements.statement(requireActor(req), req.query)),
  );

  api.get(
    '/api/statements.csv',
    {
      config: { policy: { allow: STATEMENT_READERS } },
      schema: {
        tags: ['settlement'],
        summary: 'The statement as CSV (UTF-8 with BOM, Chinese headers)',
        querystring: statementQuerySchema,
      },
    },
    async (req, reply) => {
      const s = await c.statements.statement(requireActor(req), req.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${statementFileName(s, 'csv')}"`)
        .send(statementCsv(s));
    },
  );

  api.get(
    '/api/statements.xlsx',
    {
      config: { policy: { allow: STATEMENT_READERS } },
      schema: { tags: ['settlement'], summary: 'The statement as an Excel workbook', querystring: statementQuerySchema },
    },
    async (req, reply) => {
      const s = await c.statements.statement(requireActor(req), req.query);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="${statementFileName(s, 'xlsx')}"`)
        .send(await statementXlsx(s));
    },
  );
}
