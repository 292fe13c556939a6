/**
 * 知识产权保护 (电子商务法 Art. 42–45, docs/supervision.md): a rights holder's infringement notice (the product is taken
 * down at once), the merchant's counter-notice, the holder's report of a complaint or lawsuit, withdrawal, a notice
 * found wrong by the office; the office's view of every notice and each party's view of its own.
 */
import {
  idSchema,
  ipActionReportSchema,
  ipCounterNoticeSchema,
  ipNoticeCreateSchema,
  ipNoticeListQuerySchema,
  ipNoticeReasonSchema,
  ipNoticeViewSchema,
} from '@livehub/contracts';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { createdRoute, idActionRoute, idReadRoute } from '../route-helpers.ts';
import type { Api } from './types.ts';

const tags = ['ip-notices'];
const idParams = z.strictObject({ id: idSchema });
/** who reads notices: the office and the platform (all), merchants (their own, either side) */
const READERS = ['regulator', 'platform_admin', 'reviewer', 'merchant_staff'] as const;
/** who files and speaks for the holder: the holder's staff, or the IP office on its behalf (the service checks which) */
const HOLDERS = ['merchant_staff', 'regulator'] as const;
/** who finds a notice wrong: the platform operator, the IP office */
const OFFICE = ['platform_admin', 'regulator'] as const;

export function ipNoticeRoutes(api: Api, c: Container): void {
  api.get(
    '/api/ip-notices',
    {
      config: { policy: { allow: READERS } },
      schema: {
        tags,
        summary: '侵权通知: every notice for the office and the platform; a merchant’s own (filed by it or against it)',
        querystring: ipNoticeListQuerySchema,
        response: { 200: z.object({ items: z.array(ipNoticeViewSchema) }) },
      },
    },
    async (req) => ({ items: await c.ipNotices.list(requireActor(req), req.query) }),
  );

  createdRoute(
    api,
    '/api/ip-notices',
    {
      allow: HOLDERS,
      tags,
      summary: '通知 (Art. 42): the holder of a protected brand, or the IP office, files a notice; the product is taken down',
      body: ipNoticeCreateSchema,
      response: ipNoticeViewSchema,
    },
    async (actor, body) => c.ipNotices.file(actor, body),
  );

  idReadRoute(
    api,
    '/api/ip-notices/:id',
    {
      allow: READERS,
      tags,
      summary: 'One notice with its log and the steps the caller may take (someone else’s: 404)',
      params: idParams,
      response: ipNoticeViewSchema,
    },
    async (actor, id) => c.ipNotices.get(actor, id),
  );

  idActionRoute(
    api,
    '/api/ip-notices/:id/counter',
    {
      allow: ['merchant_staff'],
      tags,
      summary: '反通知 (Art. 43): the merchant’s statement of non-infringement with evidence; forwarded to the holder',
      params: idParams,
      body: ipCounterNoticeSchema,
      response: ipNoticeViewSchema,
    },
    async (actor, id, body) => c.ipNotices.counter(actor, id, body),
  );

  idActionRoute(
    api,
    '/api/ip-notices/:id/action',
    {
      allow: HOLDERS,
      tags,
      summary: 'The holder reports its complaint to the authority or its lawsuit within the 15 days: the takedown stays',
      params: idParams,
      body: ipActionReportSchema,
      response: ipNoticeViewSchema,
    },
    async (actor, id, body) => c.ipNotices.reportAction(actor, id, body),
  );

  idActionRoute(
    api,
    '/api/ip-notices/:id/withdraw',
    {
      allow: HOLDERS,
      tags,
      summary: 'The holder withdraws its notice: the product is restored',
      params: idParams,
      body: ipNoticeReasonSchema,
      response: ipNoticeViewSchema,
    },
    async (actor, id, body) => c.ipNotices.withdraw(actor, id, body.reason),
  );

  idActionRoute(
    api,
    '/api/ip-notices/:id/find-wrong',
    {
      allow: OFFICE,
      tags,
      summary: 'The office finds the notice wrong (Art. 42 ¶3): the outcome is recorded and the product restored',
      params: idParams,
      body: ipNoticeReasonSchema,
      response: ipNoticeViewSchema,
    },
    async (actor, id, body) => c.ipNotices.findWrong(actor, id, body.reason),
  );
}
