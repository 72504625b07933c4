import { DEFAULT_CLUSTER_RULE_SET } from '@promatlas/core/compliance/index.ts';
import type { Db } from '../src/db/connection.ts';

/**
 * Calls of every state-changing route of the regulations-as-data feature (rule
 * sets, support-measure terms, the calculator, territory flags, awards), for
 * the authorisation matrix and the audit coverage: each builds a fresh target
 * in a region (null: a national one) through the administrator's API.
 */
export interface SupportCall {
  url: string;
  body?: unknown;
}
export interface SupportRoute {
  ok: number;
  /** The audit entry's entity type; null: the route changes nothing. */
  entityType: string | null;
  call(region: string | null): Promise<SupportCall>;
}
type Create = (url: string, body: unknown) => Promise<number>;
type Read = <T>(url: string) => Promise<T>;

let seq = 0;
const uniq = () => `${Date.now() % 1_000_000}-s${++seq}`;

export function supportRoutes(
  create: Create,
  read: Read,
  db: () => Db,
): Record<string, SupportRoute> {
  const ruleSetBody = () => ({ ...DEFAULT_CLUSTER_RULE_SET, version: `fixture-${uniq()}` });
  const draftRuleSet = () =>
    create('/api/cluster-rule-sets', {
      inForceFrom: '2040-01-01',
      published: false,
      body: ruleSetBody(),
    });
  // A flag needs a region; a «national» call flags a region the editor is not granted.
  const flagRegion = (region: string | null) => region ?? '68';
  const flag = (region: string | null) =>
    create('/api/territory-flags', {
      flag: 'monotown',
      regionCode: flagRegion(region),
      municipality: `Город ${uniq()}`,
      listSource: 'Проверочный перечень',
    });
  const measure = async (code: string) => {
    const { items } = await read<{
      items: Array<{ id: number; code: string | null; version: number }>;
    }>('/api/support-measures');
    return items.find((m) => m.code === code)!;
  };
  const measureTerms = async (id: number) =>
    await read<{ terms: Record<string, unknown>; version: number }>(`/api/support-measures/${id}`);
  // Projects have no create route: the fixture writes one as the demo loader does.
  const project = async (region: string | null) =>
    (
      await db()
        .insertInto('project')
        .values({ kind: 'joint_cluster', title: `Проект ${uniq()}`, region_code: region })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const projectIds = async (region: string | null) => (region ? [await project(region)] : []);
  return {
    'POST /api/cluster-rule-sets': {
      ok: 201,
      entityType: 'cluster_rule_set',
      call: async () => ({
        url: '/api/cluster-rule-sets',
        body: { inForceFrom: '2040-01-01', published: false, body: ruleSetBody() },
      }),
    },
    'PATCH /api/cluster-rule-sets/:id': {
      ok: 200,
      entityType: 'cluster_rule_set',
      call: async () => ({
        url: `/api/cluster-rule-sets/${await draftRuleSet()}`,
        body: { version: 1, inForceTo: '2041-12-31' },
      }),
    },
    'PATCH /api/support-measures/:id/terms': {
      ok: 200,
      entityType: 'support_measure',
      call: async () => {
        const { id } = await measure('pp41-joint-projects');
        const current = await measureTerms(id);
        return {
          url: `/api/support-measures/${id}/terms`,
          body: {
            version: current.version,
            terms: { ...current.terms, version: `fixture-${uniq()}` },
          },
        };
      },
    },
    'POST /api/support-measures/:id/calculation': {
      ok: 200,
      entityType: null,
      call: async () => ({
        url: `/api/support-measures/${(await measure('pp41-starter-batches')).id}/calculation`,
        body: {
          applicant: { name: 'ООО «Заявитель»', clusterParticipant: true },
          lines: [
            {
              id: 'l1',
              description: 'Стартовая партия',
              kind: 'starter_batch_components',
              date: '2024-02-01',
              amountRub: 1000,
              documented: true,
              supplierIsClusterParticipant: true,
            },
          ],
        },
      }),
    },
    'POST /api/territory-flags': {
      ok: 201,
      entityType: 'territory_flag',
      call: async (region) => ({
        url: '/api/territory-flags',
        body: {
          flag: 'monotown',
          regionCode: flagRegion(region),
          municipality: `Город ${uniq()}`,
          listSource: 'Проверочный перечень',
        },
      }),
    },
    'PATCH /api/territory-flags/:id': {
      ok: 200,
      entityType: 'territory_flag',
      call: async (region) => ({
        url: `/api/territory-flags/${await flag(region)}`,
        body: { version: 1, validFrom: '2020-01-01' },
      }),
    },
    'DELETE /api/territory-flags/:id': {
      ok: 200,
      entityType: 'territory_flag',
      call: async (region) => ({ url: `/api/territory-flags/${await flag(region)}?version=1` }),
    },
    'POST /api/territory-flags/import': {
      ok: 200,
      entityType: 'territory_flag',
      call: async (region) => ({
        url: '/api/territory-flags/import',
        body: {
          fileName: 'flags.csv',
          listSource: 'Проверочный файл',
          contentBase64: Buffer.from(
            `вид,код региона,муниципальное образование\nmonotown,${flagRegion(region)},Город ${uniq()}\n`,
          ).toString('base64'),
        },
      }),
    },
    'POST /api/support-awards': {
      ok: 201,
      entityType: 'support_award',
      call: async (region) => ({
        url: '/api/support-awards',
        body: {
          amount: 1_000_000,
          qualifier: 'about',
          date: '2024-01-01',
          projectIds: await projectIds(region),
        },
      }),
    },
    'PATCH /api/support-awards/:id': {
      ok: 200,
      entityType: 'support_award',
      call: async (region) => {
        const ids = await projectIds(region);
        return {
          url: `/api/support-awards/${await create('/api/support-awards', { amount: 5, projectIds: ids })}`,
          body: { version: 1, amount: 6 },
        };
      },
    },
  };
}
