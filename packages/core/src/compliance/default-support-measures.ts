import type { SupportMeasure } from './support-measure.schema.ts';

/**
 * ПП РФ № 41 of 28.01.2016 (subsidies to participants of industrial clusters),
 * in its two tracks:
 *
 * - as originally adopted: reimbursement of up to 50 % of the costs of joint
 *   projects of cluster participants;
 * - the current «стартовые партии» track: up to 50 % of the documented cost of
 *   starter batches of components bought from other participants, at most
 *   150 mln ₽ per applicant, for costs from 01.01.2023.
 *
 * Only these terms are encoded; other conditions of the regulation (selection,
 * reporting, the exact list of eligible cost items) are not, and the notes say so.
 */
export const DEFAULT_SUPPORT_MEASURES: readonly SupportMeasure[] = [
  {
    id: 'pp41-joint-projects',
    version: '2016-01-28.1',
    title: 'Возмещение части затрат на совместные проекты участников промышленных кластеров',
    titleEn:
      'Reimbursement of part of the costs of joint projects of industrial-cluster participants',
    regulation: {
      reference: 'Постановление Правительства РФ от 28.01.2016 № 41 (первоначальная редакция)',
      referenceEn:
        'Decree of the Government of the Russian Federation No. 41 of 28 January 2016 (as originally adopted)',
      url: null,
    },
    eligibleCostKinds: ['joint_project'],
    maxShare: 0.5,
    capPerApplicantRub: null,
    costDateFrom: null,
    costDateTo: null,
    conditions: {
      applicantMustBeClusterParticipant: true,
      supplierMustBeClusterParticipant: false,
      documentsRequired: false,
    },
    note: 'Закодированы только доля и вид затрат; перечень затрат и условия отбора проверяйте по тексту постановления',
    noteEn:
      'Only the share and the kind of costs are encoded; check the list of costs and the selection terms in the regulation',
  },
  {
    id: 'pp41-starter-batches',
    version: '2023-01-01.1',
    title: 'Возмещение части затрат на стартовые партии комплектующих у участников кластера',
    titleEn:
      'Reimbursement of part of the cost of starter batches of components bought from cluster participants',
    regulation: {
      reference:
        'Постановление Правительства РФ от 28.01.2016 № 41 (действующая редакция, стартовые партии)',
      referenceEn:
        'Decree of the Government of the Russian Federation No. 41 of 28 January 2016 (current wording, starter batches)',
      url: null,
    },
    eligibleCostKinds: ['starter_batch_components'],
    maxShare: 0.5,
    capPerApplicantRub: 150_000_000,
    costDateFrom: '2023-01-01',
    costDateTo: null,
    conditions: {
      applicantMustBeClusterParticipant: true,
      supplierMustBeClusterParticipant: true,
      documentsRequired: true,
    },
    note: 'Условия отбора и отчётности не закодированы; проверяйте по тексту постановления',
    noteEn: 'Selection and reporting terms are not encoded; check the regulation',
  },
];
