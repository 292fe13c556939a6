// The HTTP ceilings: Fastify answering a fixed JSON body, nothing else — to `GET /`, and to the flash sale's own
// request (`POST /api/orders` with its cookie, CSRF and Idempotency-Key headers and JSON body, which Fastify parses)
// with a 409 body shaped like a sold-out answer: what the HTTP path of a buy attempt costs with no work behind it.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
app.post('/api/orders', async (_req, reply) =>
  reply.code(409).send({ error: { code: 'orders.sold_out', message: '已抢光', field: 'flashSaleId' } }),
);
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
const addr = app.server.address();
process.stdout.write(`listening ${typeof addr === 'object' && addr ? addr.port : ''}\n`);
