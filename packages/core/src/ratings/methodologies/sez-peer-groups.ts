import type { PeerGroups } from '../methodology.schema.ts';

/**
 * SEZ types under Federal Law of 22.07.2005 No. 116-FZ «Об особых
 * экономических зонах в Российской Федерации», art. 4. Places are given within
 * a type: a tourist zone is not compared with a technology park.
 */
export const sezPeerGroups: PeerGroups = {
  basis:
    'Тип особой экономической зоны по статье 4 Федерального закона от 22.07.2005 № 116-ФЗ «Об особых экономических зонах в Российской Федерации»',
  groups: [
    { code: 'industrial_production', name: 'Промышленно-производственные ОЭЗ' },
    { code: 'technology_innovation', name: 'Технико-внедренческие ОЭЗ' },
    { code: 'tourism_recreation', name: 'Туристско-рекреационные ОЭЗ' },
    { code: 'port', name: 'Портовые ОЭЗ' },
  ],
};
