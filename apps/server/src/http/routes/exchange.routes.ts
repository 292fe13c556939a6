/**
 * 跨区域协同 (docs/supervision.md, "Cross-region sharing"): this region's key and partners, signed bundles of clues and
 * credit records out, partners' bundles in (verified), and what partners sent with its provenance. Regulators only.
 */
import {
  EXCHANGE_KINDS,
  exchangeBundleSchema,
  exchangeExportSchema,
  exchangeImportResultSchema,
  exchangeImportSchema,
  exchangeOverviewSchema,
  exchangeRecordListSchema,
  exchangeRegionCreateSchema,
} from '@livehub/contracts';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import type { Api } from './types.ts';

const tags = ['supervision'];
const REGULATOR = ['regulator'] as const;
/** a bundle of a few thousand items is a few megabytes */
const BUNDLE_BODY_LIMIT = 16 * 1024 * 1024;

export function exchangeRoutes(api: Api, c: Container): void {
  api.get(
    '/api/supervision/exchange',
    {
      config: { policy: { allow: REGULATOR } },
      schema: {
        tags,
        summary: '跨区域协同: this region’s public key, the partner regions and the recent bundles',
        response: { 200: exchangeOverviewSchema },
      },
    },
    async () => c.exchange.overview(),
  );

  api.post(
    '/api/supervision/exchange/regions',
    {
      config: { policy: { allow: REGULATOR } },
      schema: {
        tags,
        summary: '登记合作地区: a partner region and its Ed25519 public key (a new key replaces the old)',
        body: exchangeRegionCreateSchema,
        response: { 200: exchangeOverviewSchema },
      },
    },
    async (req) => c.exchange.addRegion(requireActor(req), req.body),
  );

  api.post(
    '/api/supervision/exchange/export',
    {
      config: { policy: { allow: REGULATOR } },
      schema: {
        tags,
        summary: '导出: the caller’s clues and the C/D credit records as a bundle signed with this region’s key',
        body: exchangeExportSchema,
        response: { 200: exchangeBundleSchema },
      },
    },
    async (req) => c.exchange.export(requireActor(req), req.body),
  );

  api.post(
    '/api/supervision/exchange/import',
    {
      bodyLimit: BUNDLE_BODY_LIMIT,
      config: { policy: { allow: REGULATOR } },
      schema: {
        tags,
        summary: '导入: a partner’s bundle, verified against its registered key; clues about parties here raised',
        body: exchangeImportSchema,
        response: { 200: exchangeImportResultSchema },
      },
    },
    async (req) => c.exchange.import(requireActor(req), req.body.bundle),
  );

  api.get(
    '/api/supervision/exchange/records',
    {
      config: { policy: { allow: REGULATOR } },
      schema: {
        tags,
        summary: 'What partner regions sent, newest first, with provenance and the local party named',
        querystring: z.strictObject({
          kind: z.enum(EXCHANGE_KINDS).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: exchangeRecordListSchema },
      },
    },
    async (req) => ({ items: await c.exchange.records(req.query) }),
  );
}
