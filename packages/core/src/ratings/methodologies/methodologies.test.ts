import { describe, expect, it } from 'vitest';
import { computeEdition } from '../computeEdition.ts';
import type { IndicatorValue } from '../edition.types.ts';
import type { Methodology } from '../methodology.schema.ts';
import { parseMethodology } from '../parseMethodology.ts';
import { createRandom } from '../random.ts';
import { sezEsg } from './sez-esg.ts';
import { sezInvestmentAttractiveness } from './sez-investment-attractiveness.ts';

const both: [string, Methodology][] = [
  ['investment attractiveness', sezInvestmentAttractiveness],
  ['ESG', sezEsg],
];

describe.each(both)('default SEZ %s methodology', (_, methodology) => {
  it('passes methodology validation', () => {
    expect(parseMethodology(methodology)).toEqual({ success: true, methodology });
  });

  it("says in its title and description that it is PromAtlas's, not the association's", () => {
    expect(methodology.title).toMatch(/ПромАтлас/);
    expect(methodology.title).toMatch(/не методика АКИТ/);
    expect(methodology.description).toMatch(/не публикует веса/);
  });

  it('ranks within the four SEZ types of 116-FZ', () => {
    expect(methodology.objectType).toBe('sez');
    expect(methodology.peerGroups.basis).toMatch(/116-ФЗ/);
    expect(methodology.peerGroups.groups.map((g) => g.code)).toEqual([
      'industrial_production',
      'technology_innovation',
      'tourism_recreation',
      'port',
    ]);
  });

  it('gives every indicator a Russian name, unit, source and rationale', () => {
    for (const ind of methodology.indicators) {
      expect(ind.name).toMatch(/[а-яё]/i);
      expect(ind.unit.length).toBeGreaterThan(0);
      expect(ind.source).toMatch(/[а-яё]/i);
      expect(ind.rationale).toMatch(/[а-яё]/i);
    }
  });

  it('computes an edition on synthetic values for every peer group', () => {
    const random = createRandom(1);
    const values: IndicatorValue[] = [];
    for (const peer of methodology.peerGroups.groups)
      for (let k = 0; k < 4; k++)
        for (const ind of methodology.indicators)
          values.push({
            objectId: `${peer.code}_${k}`,
            peerGroup: peer.code,
            indicator: ind.code,
            value: Math.round(random() * 100),
          });
    const edition = computeEdition(methodology, values);
    expect(edition.objects).toHaveLength(16);
    for (const o of edition.objects) {
      expect(o.score).toBeGreaterThanOrEqual(0);
      expect(o.score).toBeLessThanOrEqual(1);
    }
  });
});

describe('default SEZ investment attractiveness methodology', () => {
  it('has three groups and the indicators the association names', () => {
    expect(sezInvestmentAttractiveness.groups).toHaveLength(3);
    const codes = sezInvestmentAttractiveness.indicators.map((i) => i.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'investment_volume',
        'infrastructure_availability',
        'tax_burden',
        'strategic_planning',
        'financial_openness',
        'innovation_social_infrastructure',
        'industrial_cooperation',
      ]),
    );
  });

  it('counts a lower tax burden as better', () => {
    const tax = sezInvestmentAttractiveness.indicators.find((i) => i.code === 'tax_burden');
    expect(tax?.direction).toBe('lower_is_better');
  });
});

describe('default SEZ ESG methodology', () => {
  it('has E, S and G blocks of equal weight, each with indicators', () => {
    expect(sezEsg.groups.map((g) => [g.code, g.weight])).toEqual([
      ['e', 1],
      ['s', 1],
      ['g', 1],
    ]);
    for (const g of sezEsg.groups)
      expect(sezEsg.indicators.filter((i) => i.group === g.code).length).toBeGreaterThanOrEqual(5);
  });
});
