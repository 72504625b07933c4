import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyServerOptions } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerReplicaReads } from './replica-reads.ts';
import { registerEmbeddedAdmission } from './embedded-admission.ts';
import { registerReadCache } from '../search/index.ts';
import type { AppDeps, AppInstance, RegisteredRoute } from './app-instance.ts';
import { frameworkErrors, HttpError, registerErrorHandling } from './errors.ts';
import { registerApiRoutes } from './routes.ts';
import { swaggerOptions } from './openapi-document.ts';
import { registerAuth, type RouteAccess } from '../auth/index.ts';
import { UploadStore } from '../imports/index.ts';

z.config(z.locales.ru());

export interface BuildAppOptions {
  deps: AppDeps;
  logger?: FastifyServerOptions['logger'];
  /** Directory of the built web app (index.html + assets); served with SPA fallback. */
  webDist?: string | undefined;
  /** Limits on how long a client may take to send a request (defaults: see DEFAULT_TIMEOUTS). */
  timeouts?: Partial<RequestTimeouts> | undefined;
}

export interface RequestTimeouts {
  /** The whole request — headers and body — must arrive within this (else 408 and the connection closes). */
  requestTimeoutMs: number;
  /** The headers must arrive within this. */
  headersTimeoutMs: number;
  /** How often node checks the two limits above (it only checks periodically). */
  checkIntervalMs: number;
}

export const DEFAULT_TIMEOUTS: RequestTimeouts = {
  requestTimeoutMs: 300_000,
  headersTimeoutMs: 30_000,
  checkIntervalMs: 5_000,
};

/** The default body limit; upload routes declare their own (see datasets/uploads). */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export async function buildApp(options: BuildAppOptions): Promise<AppInstance> {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const fastify = Fastify({
    logger: options.logger ?? false,
    // One line per request only when asked for (PROMATLAS_LOG_LEVEL=debug or trace); errors are always logged.
    logController: new LogController({
      disableRequestLogging: !(
        typeof options.logger === 'object' &&
        options.logger &&
        ['debug', 'trace'].includes(String((options.logger as { level?: string }).level))
      ),
    }),
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy: options.deps.security?.trustedProxies.length
      ? options.deps.security.trustedProxies
      : false,
    frameworkErrors,
    // A slowly sent request (slowloris) is cut off: Fastify disables node's request timeout by default.
    requestTimeout: timeouts.requestTimeoutMs,
    http: {
      headersTimeout: Math.min(timeouts.headersTimeoutMs, timeouts.requestTimeoutMs),
      connectionsCheckingInterval: timeouts.checkIntervalMs,
    },
    // Deeply nested or huge query strings are refused by the parser's limits, not by crashing.
    routerOptions: { maxParamLength: 500 },
  }).withTypeProvider<ZodTypeProvider>();
  fastify.setValidatorCompiler(validatorCompiler);
  fastify.setSerializerCompiler(serializerCompiler);
  const app = fastify as unknown as AppInstance;
  app.decorate('deps', options.deps);
  const routeAccess: RouteAccess[] = [];
  app.decorate('routeAccess', routeAccess);
  // Every route with its method, so tests generated from the route table (public visibility) see each one.
  const routeList: RegisteredRoute[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    for (const method of Array.isArray(route.method) ? route.method : [route.method])
      routeList.push({ method, url: route.url });
  });
  const uploads = new UploadStore();
  app.decorate('uploads', uploads);
  app.addHook('onClose', async () => uploads.close());
  const webDist =
    options.webDist && fs.existsSync(path.join(options.webDist, 'index.html'))
      ? options.webDist
      : undefined;
  const ready = options.deps.ready;
  if (ready) {
    // Registered first, so no other hook touches the database before it is ready.
    app.addHook('onRequest', async (request, reply) => {
      if (ready.done || !request.url.startsWith('/api/')) return;
      if (request.url.startsWith('/api/health')) {
        return reply
          .status(503)
          .header('retry-after', '1')
          .send({ status: 'starting', database: options.deps.databaseKind });
      }
      await ready.promise;
    });
  }
  registerEmbeddedAdmission(app);
  registerStrictTextParsers(app);
  registerErrorHandling(app, {
    spaIndex: webDist ? fs.readFileSync(path.join(webDist, 'index.html')) : undefined,
  });
  await registerAuth(app, routeAccess);
  registerReplicaReads(app);
  registerReadCache(app, { replicaMaxLagMs: options.deps.replicaMaxLagMs ?? 0 });

  await app.register(fastifySwagger, swaggerOptions);
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerApiRoutes(app);

  if (webDist) await app.register(fastifyStatic, { root: webDist, wildcard: false, maxAge: '1h' });
  await app.ready();
  return app;
}

const INVALID_UTF8 = () =>
  new HttpError(
    400,
    'invalid_utf8',
    'Тело запроса не является корректным текстом UTF-8 (неверная последовательность байтов)',
    'The request body is not valid UTF-8 (malformed byte sequence)',
  );

/**
 * JSON and plain-text bodies are decoded strictly: a malformed UTF-8 sequence
 * is refused with 400 instead of silently becoming U+FFFD in stored text.
 * JSON keeps Fastify's own parser (with its prototype-poisoning protection)
 * after the decoding.
 */
function registerStrictTextParsers(app: AppInstance): void {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (body: Buffer): string | Error => {
    try {
      return decoder.decode(body);
    } catch {
      return INVALID_UTF8();
    }
  };
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const text = decode(body as Buffer);
    if (text instanceof Error) return done(text, undefined);
    parseJson(request, text, done);
  });
  app.addContentTypeParser('text/plain', { parseAs: 'buffer' }, (_request, body, done) => {
    const text = decode(body as Buffer);
    if (text instanceof Error) done(text, undefined);
    else done(null, text);
  });
}
