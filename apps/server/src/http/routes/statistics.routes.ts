/**
 * 统计分析 (docs/supervision.md, "Statistics against targets"): the year by month, district, base and category with
 * year-on-year growth, rates per 10,000 orders and progress against targets; CSV and XLSX exports; the monthly
 * reports generated on schedule; the platform's rebuild of the rollups from the source tables.
 */
import {
  statsMonthParamsSchema,
  statsOverviewSchema,
  statsQuerySchema,
  statsRebuildSchema,
  statsReportsSchema,
  statsTargetCreateSchema,
  statsTargetParamsSchema,
  statsTargetSchema,
  statsTargetUpdateSchema,
} from '@livehub/contracts';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { statsCsv, statsFileName, statsXlsx, XLSX_TYPE } from '../presenters/statistics.presenter.ts';
import type { Api } from './types.ts';

const tags = ['supervision'];
const READERS = ['regulator', 'platform_admin'] as const;

export function statisticsRoutes(api: Api, c: Container): void {
  api.post(
    '/api/supervision/statistics/targets',
    {
      config: { policy: { allow: ['regulator'] } },
      schema: {
        tags,
        summary: '本区目标: the district’s own target for a year and metric',
        body: statsTargetCreateSchema,
        response: { 201: statsTargetSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await c.statistics.createTarget(requireActor(req), req.body)),
  );

  api.put(
    '/api/supervision/statistics/targets/:id',
    {
      config: { policy: { allow: ['regulator'] } },
      schema: {
        tags,
        summary: 'A district target’s figure and title; a province or city target’s missing figure',
        params: statsTargetParamsSchema,
        body: statsTargetUpdateSchema,
        response: { 200: statsTargetSchema },
      },
    },
    async (req) => c.statistics.updateTarget(requireActor(req), req.params.id, req.body),
  );

  api.delete(
    '/api/supervision/statistics/targets/:id',
    {
      config: { policy: { allow: ['regulator'] } },
      schema: { tags, summary: 'Removes a district target', params: statsTargetParamsSchema },
    },
    async (req, reply) => {
      await c.statistics.deleteTarget(requireActor(req), req.params.id);
      return reply.status(204).send();
    },
  );

  api.get(
    '/api/supervision/statistics',
    {
      config: { policy: { allow: READERS } },
      schema: {
        tags,
        summary: '统计分析: a year by month (with YoY), district, base and category, and progress against targets',
        querystring: statsQuerySchema,
        response: { 200: statsOverviewSchema },
      },
    },
    async (req) => c.statistics.overview(requireActor(req), req.query),
  );

  api.get(
    '/api/supervision/statistics.csv',
    {
      config: { policy: { allow: READERS } },
      schema: { tags, summary: 'The statistics as CSV (UTF-8 with BOM, Chinese headers)', querystring: statsQuerySchema },
    },
    async (req, reply) => {
      const sheets = await c.statistics.exportSheets(requireActor(req), req.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${statsFileName(String(req.query.year), 'csv')}"`)
        .send(statsCsv(sheets));
    },
  );

  api.get(
    '/api/supervision/statistics.xlsx',
    {
      config: { policy: { allow: READERS } },
      schema: { tags, summary: 'The statistics as an Excel workbook (月度, 区域, 品类, 基地, 目标)', querystring: statsQuerySchema },
    },
    async (req, reply) => {
      const sheets = await c.statistics.exportSheets(requireActor(req), req.query);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${statsFileName(String(req.query.year), 'xlsx')}"`)
        .send(Buffer.from(await statsXlsx(sheets)));
    },
  );

  api.get(
    '/api/supervision/statistics/reports',
    {
      config: { policy: { allow: READERS } },
      schema: { tags, summary: '月度报告: the monthly reports generated on schedule, newest first', response: { 200: statsReportsSchema } },
    },
    async (req) => ({ items: await c.statistics.reports(requireActor(req)) }),
  );

  api.get(
    '/api/supervision/statistics/reports/:month/xlsx',
    {
      config: { policy: { allow: READERS } },
      schema: { tags, summary: 'A monthly report’s stored workbook (none yet: 404)', params: statsMonthParamsSchema },
    },
    async (req, reply) => {
      const file = await c.statistics.reportFile(requireActor(req), req.params.month);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${statsFileName(`report-${req.params.month}`, 'xlsx')}"`)
        .send(Buffer.from(file));
    },
  );

  api.post(
    '/api/supervision/statistics/rebuild',
    {
      config: { policy: { allow: ['platform_admin'] } },
      schema: { tags, summary: 'Recompute every rollup from the source tables', response: { 200: statsRebuildSchema } },
    },
    async (req) => c.statistics.rebuild(requireActor(req)),
  );
}
