import { workbenchSummarySchema } from '@livehub/contracts';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import type { Api } from './types.ts';

export function workbenchRoutes(app: Api, c: Container): void {
  app.get(
    '/api/workbench',
    {
      config: { policy: { allow: 'authenticated' } },
      schema: {
        tags: ['workbench'],
        summary: 'The numbers the active role’s workbench opens with',
        response: { 200: workbenchSummarySchema },
      },
    },
    async (req) => c.workbench.summary(requireActor(req)),
  );
}
