/**
 * The route shapes most of the API repeats, written once: a POST that creates a thing from its body and answers 201
 * with the caller's view of it, a POST that acts on one thing named by its `:id` and answers 200 with the view after
 * the act, and a GET of one thing's view by its `:id`. Each registers exactly the options a hand-written route would (same policy, same OpenAPI
 * schema), so what the clients and the generated docs see does not change.
 */
import type { Actor } from '@livehub/core';
import type { FastifySchema } from 'fastify';
import type { z } from 'zod';
import { requireActor, type RoutePolicy } from './policy.ts';
import type { Api } from './routes/types.ts';

interface RouteDoc<R extends z.ZodType> {
  allow: RoutePolicy['allow'];
  tags: string[];
  summary: string;
  /** the view answered (some older routes document none) */
  response?: R;
}

/** The OpenAPI schema a hand-written route states, in its order: tags, summary, params, body, response. */
function schemaOf(doc: RouteDoc<z.ZodType> & { params?: z.ZodType; body?: z.ZodType | undefined }, status: 200 | 201): FastifySchema {
  return {
    tags: doc.tags,
    summary: doc.summary,
    ...(doc.params === undefined ? {} : { params: doc.params }),
    ...(doc.body === undefined ? {} : { body: doc.body }),
    ...(doc.response === undefined ? {} : { response: { [status]: doc.response } }),
  };
}

/** POST `path` with a body: `make` creates the thing as the signed-in caller; 201 with its view. */
export function createdRoute<B extends z.ZodType, R extends z.ZodType = z.ZodUnknown, P extends z.ZodType = z.ZodUndefined>(
  api: Api,
  path: string,
  doc: RouteDoc<R> & { params?: P; body: B },
  make: (actor: Actor, body: z.output<B>, params: z.output<P>) => Promise<z.input<R>>,
): void {
  // typed as a plain schema: the callers' `make` and `doc` already tie the body and the view to their zod types
  api.post(path, { config: { policy: { allow: doc.allow } }, schema: schemaOf(doc, 201) }, async (req, reply) =>
    reply.status(201).send(await make(requireActor(req), req.body as z.output<B>, req.params as z.output<P>)),
  );
}

/**
 * POST `path` (with an `:id` parameter), with a body where `body` is given: `act` acts on that thing as the signed-in
 * caller; 200 with its view afterwards.
 */
export function idActionRoute<R extends z.ZodType = z.ZodUnknown, B extends z.ZodType = z.ZodUndefined>(
  api: Api,
  path: string,
  /** `emptyBody`: the body's fields are all optional, and a bare POST (no body at all) is read as `{}` */
  doc: RouteDoc<R> & { params: z.ZodType; body?: B; emptyBody?: boolean },
  act: (actor: Actor, id: string, body: z.output<B>) => Promise<z.input<R>>,
): void {
  idRoute(api, 'post', path, doc, act);
}

/** GET `path` (with an `:id` parameter): `read` reads that thing as the signed-in caller; 200 with its view. */
export function idReadRoute<R extends z.ZodType = z.ZodUnknown>(
  api: Api,
  path: string,
  doc: RouteDoc<R> & { params: z.ZodType },
  read: (actor: Actor, id: string) => Promise<z.input<R>>,
): void {
  idRoute(api, 'get', path, doc, read);
}

function idRoute<B extends z.ZodType>(
  api: Api,
  method: 'get' | 'post',
  path: string,
  doc: RouteDoc<z.ZodType> & { params: z.ZodType; body?: B; emptyBody?: boolean },
  run: (actor: Actor, id: string, body: z.output<B>) => Promise<unknown>,
): void {
  api[method](
    path,
    {
      config: { policy: { allow: doc.allow } },
      schema: schemaOf(doc, 200),
      ...(doc.emptyBody
        ? {
            preValidation: async (req: { body: unknown }) => {
              if (req.body === undefined || req.body === null) req.body = {};
            },
          }
        : {}),
    },
    async (req) => run(requireActor(req), (req.params as { id: string }).id, req.body as z.output<B>),
  );
}
