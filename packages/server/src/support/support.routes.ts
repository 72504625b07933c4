import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import { DuplicateResponseSchema } from '@promatlas/core/api/editing.schema.ts';
import { TerritoryFlagConflictSchema } from '@promatlas/core/api/support.schema.ts';
import { z } from 'zod';
import * as routes from '@promatlas/core/api/contract/support.ts';
import type { AppInstance } from '../http/app-instance.ts';
import {
  DeleteQuery,
  mutationContext,
  presentingConflicts,
  registryAccess,
  versionOf,
  writeErrors,
} from '../http/write-routes.ts';
import { readDb } from '../db/read-db.ts';
import { ValidationError } from '../shared/domain-errors.ts';
import { createRuleSet, getRuleSet, listRuleSets, updateRuleSet } from './rule-set.service.ts';
import {
  calculateMeasureSubsidy,
  getSupportMeasure,
  listSupportMeasures,
  updateSupportMeasureTerms,
} from './support-measure.service.ts';
import {
  createTerritoryFlag,
  currentTerritoryFlag,
  deleteTerritoryFlag,
  importTerritoryFlags,
  listTerritoryFlags,
  updateTerritoryFlag,
} from './territory-flag.service.ts';
import { createSupportAward, updateSupportAward } from './support-award.service.ts';
import {
  regionOfFlag,
  regionOfNewFlag,
  regionsOfAward,
  regionsOfNewAward,
} from './support.access.ts';

const TAG = ['Правила и поддержка'];
const ADMINISTRATOR = { access: { scope: 'administrator' as const } };
const readErrors = { 400: ErrorResponseSchema, 404: ErrorResponseSchema };
/** A territory flag's stale write answers with the flag as it is now (its own conflict body). */
const flagWriteErrors = {
  ...writeErrors,
  409: z.union([TerritoryFlagConflictSchema, DuplicateResponseSchema, ErrorResponseSchema]),
};

/** Regulations as data: rule sets, support measures and the calculator, territory flags, awards. */
export function supportRoutes(app: AppInstance): void {
  // ---------- cluster rule sets ----------
  app.get(
    routes.listClusterRuleSetsRoute.path,
    {
      schema: {
        tags: TAG,
        summary: 'Хранимые версии набора правил проверки промышленного кластера (ПП РФ № 779)',
        response: { 200: routes.listClusterRuleSetsRoute.response },
      },
    },
    async ({ viewer }) => listRuleSets(readDb(app, viewer)),
  );
  app.get(
    routes.getClusterRuleSetRoute.path,
    {
      schema: {
        tags: TAG,
        summary: 'Версия набора правил',
        params: routes.getClusterRuleSetRoute.params,
        response: { 200: routes.getClusterRuleSetRoute.response, ...readErrors },
      },
    },
    async ({ params, viewer }) => getRuleSet(readDb(app, viewer), params.id),
  );
  app.post(
    routes.createClusterRuleSetRoute.path,
    {
      config: ADMINISTRATOR,
      schema: {
        tags: TAG,
        summary: 'Сохранить новую версию набора правил (формат --rules)',
        body: routes.createClusterRuleSetRoute.body,
        response: { 201: routes.createClusterRuleSetRoute.response, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createRuleSet(app.deps.db, mutationContext(request), request.body)),
  );
  app.patch(
    routes.updateClusterRuleSetRoute.path,
    {
      config: ADMINISTRATOR,
      schema: {
        tags: TAG,
        summary: 'Изменить версию набора правил (с проверкой версии записи: 409 при конфликте)',
        params: routes.updateClusterRuleSetRoute.params,
        body: routes.updateClusterRuleSetRoute.body,
        response: { 200: routes.updateClusterRuleSetRoute.response, ...writeErrors },
      },
    },
    async (request) =>
      presentingConflicts(
        () => updateRuleSet(app.deps.db, mutationContext(request), request.params.id, request.body),
        versionOf(request.params.id),
      ),
  );

  // ---------- support measures and the calculator ----------
  app.get(
    routes.listSupportMeasuresRoute.path,
    {
      schema: {
        tags: TAG,
        summary: 'Меры поддержки и их условия (ПП РФ № 41 и другие)',
        response: { 200: routes.listSupportMeasuresRoute.response },
      },
    },
    async ({ viewer }) => listSupportMeasures(readDb(app, viewer)),
  );
  app.get(
    routes.getSupportMeasureRoute.path,
    {
      schema: {
        tags: TAG,
        summary: 'Мера поддержки и её условия',
        params: routes.getSupportMeasureRoute.params,
        response: { 200: routes.getSupportMeasureRoute.response, ...readErrors },
      },
    },
    async ({ params, viewer }) => getSupportMeasure(readDb(app, viewer), params.id),
  );
  app.patch(
    routes.updateSupportMeasureTermsRoute.path,
    {
      config: ADMINISTRATOR,
      schema: {
        tags: TAG,
        summary: 'Изменить условия меры поддержки (с проверкой версии: 409 при конфликте)',
        params: routes.updateSupportMeasureTermsRoute.params,
        body: routes.updateSupportMeasureTermsRoute.body,
        response: { 200: routes.updateSupportMeasureTermsRoute.response, ...writeErrors },
      },
    },
    async (request) =>
      presentingConflicts(
        () =>
          updateSupportMeasureTerms(
            app.deps.db,
            mutationContext(request),
            request.params.id,
            request.body,
          ),
        versionOf(request.params.id),
      ),
  );
  app.post(
    routes.calculateSubsidyRoute.path,
    {
      // A calculation changes nothing: anyone may ask it.
      config: { access: { scope: 'public' } },
      schema: {
        tags: TAG,
        summary:
          'Расчёт субсидии по мере: каждая строка затрат — учтена или нет и почему, доля, предел, итог',
        params: routes.calculateSubsidyRoute.params,
        body: routes.calculateSubsidyRoute.body,
        response: { 200: routes.calculateSubsidyRoute.response, ...readErrors },
      },
    },
    async ({ params, body, viewer }) =>
      calculateMeasureSubsidy(readDb(app, viewer), params.id, body),
  );

  // ---------- territory flags ----------
  app.get(
    routes.listTerritoryFlagsRoute.path,
    {
      schema: {
        tags: TAG,
        summary:
          'Отмеченные территории (ИПСЭР, геостратегические территории, моногорода) и источники перечней',
        querystring: routes.listTerritoryFlagsRoute.query,
        response: { 200: routes.listTerritoryFlagsRoute.response, 400: ErrorResponseSchema },
      },
    },
    async ({ query, viewer }) => listTerritoryFlags(readDb(app, viewer), query),
  );
  app.post(
    routes.createTerritoryFlagRoute.path,
    {
      config: { access: registryAccess(regionOfNewFlag) },
      schema: {
        tags: TAG,
        summary: 'Отметить территорию',
        body: routes.createTerritoryFlagRoute.body,
        response: { 201: routes.createTerritoryFlagRoute.response, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createTerritoryFlag(app.deps.db, mutationContext(request), request.body)),
  );
  app.patch(
    routes.updateTerritoryFlagRoute.path,
    {
      config: { access: registryAccess(regionOfFlag) },
      schema: {
        tags: TAG,
        summary: 'Изменить отметку территории (с проверкой версии: 409 при конфликте)',
        params: routes.updateTerritoryFlagRoute.params,
        body: routes.updateTerritoryFlagRoute.body,
        response: { 200: routes.updateTerritoryFlagRoute.response, ...flagWriteErrors },
      },
    },
    async (request) =>
      presentingConflicts(
        () =>
          updateTerritoryFlag(
            app.deps.db,
            mutationContext(request),
            request.params.id,
            request.body,
          ),
        (version) => currentTerritoryFlag(app.deps.db, request.params.id, version),
      ),
  );
  app.delete(
    routes.deleteTerritoryFlagRoute.path,
    {
      config: { access: registryAccess(regionOfFlag) },
      schema: {
        tags: TAG,
        summary: 'Пометить отметку территории удалённой',
        params: routes.deleteTerritoryFlagRoute.params,
        querystring: DeleteQuery,
        response: { 200: routes.deleteTerritoryFlagRoute.response, ...flagWriteErrors },
      },
    },
    async (request) =>
      presentingConflicts(
        () =>
          deleteTerritoryFlag(
            app.deps.db,
            mutationContext(request),
            request.params.id,
            request.query.version,
          ),
        (version) => currentTerritoryFlag(app.deps.db, request.params.id, version),
      ),
  );
  app.post(
    routes.importTerritoryFlagsRoute.path,
    {
      config: ADMINISTRATOR,
      schema: {
        tags: TAG,
        summary:
          'Загрузить перечень отмеченных территорий из CSV/XLSX (всё или ничего; повторная загрузка ничего не дублирует)',
        body: routes.importTerritoryFlagsRoute.body,
        response: { 200: routes.importTerritoryFlagsRoute.response, ...writeErrors },
      },
    },
    async (request) => {
      const { contentBase64, listSource } = request.body;
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(contentBase64.replace(/\s/g, '')))
        throw ValidationError.ofFields([
          {
            field: 'contentBase64',
            message: 'Содержимое файла — не base64',
            messageEn: 'The file content is not base64',
          },
        ]);
      return importTerritoryFlags(app.deps.db, mutationContext(request), {
        bytes: Buffer.from(contentBase64, 'base64'),
        listSource,
      });
    },
  );

  // ---------- support awards ----------
  app.post(
    routes.createSupportAwardRoute.path,
    {
      config: { access: registryAccess(regionsOfNewAward) },
      schema: {
        tags: TAG,
        summary:
          'Записать оказанную поддержку (сумма, точность, дата, кто оказал, источник, проекты)',
        body: routes.createSupportAwardRoute.body,
        response: { 201: routes.createSupportAwardRoute.response, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createSupportAward(app.deps.db, mutationContext(request), request.body)),
  );
  app.patch(
    routes.updateSupportAwardRoute.path,
    {
      config: { access: registryAccess(regionsOfAward) },
      schema: {
        tags: TAG,
        summary: 'Изменить запись об оказанной поддержке (409 при конфликте версий)',
        params: routes.updateSupportAwardRoute.params,
        body: routes.updateSupportAwardRoute.body,
        response: { 200: routes.updateSupportAwardRoute.response, ...writeErrors },
      },
    },
    async (request) =>
      presentingConflicts(
        () =>
          updateSupportAward(
            app.deps.db,
            mutationContext(request),
            request.params.id,
            request.body,
          ),
        versionOf(request.params.id),
      ),
  );
}
