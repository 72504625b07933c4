import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyServerOptions } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps, AppInstance, RegisteredRoute } from './app-instance.ts';
import { frameworkErrors, registerErrorHandling } from './errors.ts';
import { registerApiRoutes } from './routes.ts';
import { registerAuth, type RouteAccess } from '../auth/auth.plugin.ts';

z.config(z.locales.ru());

export interface BuildAppOptions {
  deps: AppDeps;
  logger?: FastifyServerOptions['logger'];
  /** Directory of the built web app (index.html + assets); served with SPA fallback. */
  webDist?: string | undefined;
}

export async function buildApp(options: BuildAppOptions): Promise<AppInstance> {
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
    bodyLimit: 1024 * 1024,
    trustProxy: options.deps.security?.trustedProxies.length
      ? options.deps.security.trustedProxies
      : false,
    frameworkErrors,
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
  registerErrorHandling(app, {
    spaIndex: webDist ? fs.readFileSync(path.join(webDist, 'index.html')) : undefined,
  });
  await registerAuth(app, routeAccess);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'PromAtlas API',
        description: 'Открытый API Промышленного атласа: реестр, поиск, карта, источники.',
        version: '0.1.0',
      },
      tags: [
        { name: 'Служебное' },
        { name: 'Поиск' },
        { name: 'Реестр' },
        { name: 'Программы' },
        { name: 'Карта' },
        { name: 'Источники' },
        { name: 'Справочники' },
        { name: 'Доступ' },
        { name: 'Редактирование' },
        { name: 'Аналитика' },
        {
          name: 'Рейтинги',
          description:
            'Методики рейтингов, рассчитанные и опубликованные издания, разложение баллов, чувствительность, сравнение',
        },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerApiRoutes(app);

  if (webDist) await app.register(fastifyStatic, { root: webDist, wildcard: false, maxAge: '1h' });
  await app.ready();
  return app;
}
