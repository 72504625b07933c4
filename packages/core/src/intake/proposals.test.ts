import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractIntake } from './extract.ts';
import { buildProposals, partialDateOf, type Proposal } from './proposals.ts';

const SOURCES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../server/src/demo/sources',
);
const seed = (name: string) => fs.readFileSync(path.join(SOURCES, name), 'utf8');
const proposalsOf = (text: string, published: string) =>
  buildProposals(text, extractIntake(text, { published }), { published });
const labels = (ps: Proposal[], kind: Proposal['kind']) =>
  ps.filter((p) => p.kind === kind).map((p) => p.label);

describe('intake proposals', () => {
  it.each([
    ['2024-03-14', 'day', { from: '2024-03-14', to: '2024-03-14', precision: 'day' }],
    ['2024-03', 'month', { from: '2024-03-01', to: '2024-03-31', precision: 'month' }],
    ['2024-21', 'season', { from: '2024-03-01', to: '2024-05-31', precision: 'season' }],
    ['2024-24', 'season', { from: '2023-12-01', to: '2024-02-29', precision: 'season' }],
    ['2025-34', 'quarter', { from: '2025-04-01', to: '2025-06-30', precision: 'quarter' }],
    [
      '2013-10-09/2013-10-10',
      'range',
      { from: '2013-10-09', to: '2013-10-10', precision: 'range' },
    ],
    ['2020/2022', 'range', { from: '2020-01-01', to: '2022-12-31', precision: 'range' }],
  ] as const)('reads the date %s (%s) as a partial date', (iso, precision, expected) => {
    expect(partialDateOf(iso, precision)).toEqual(expected);
  });

  it('proposes the zone and its residents as the release states them, as of its publication', () => {
    const ps = proposalsOf(seed('000_1c4df9b620fdb1bc.txt'), '2024-03-14');
    expect(labels(ps, 'fact')).toContain('ОЭЗ «Липецк» — резидентов: 60 (на 14.03.2024)');
    const zone = ps.find((p) => p.label === 'ОЭЗ «Липецк»');
    expect(zone?.kind).toBe('organisation');
    // Mentioned twice, proposed once.
    expect(zone?.mentions.length).toBe(2);
  });

  it('proposes people with their positions and the cluster’s support with its amount', () => {
    const ps = proposalsOf(seed('001_73c7b348e58883e6.txt'), '2017-12-06');
    expect(labels(ps, 'person')).toContain(
      'Шпиленко Андрей Викторович — директор, Ассоциация организаций содействия развитию кластеров и технопарков',
    );
    expect(labels(ps, 'fact')).toContain('кластер «ЛИПЕЦКМАШ» — более 600 млн ₽ (на 06.12.2017)');
    const session = ps.find((p) => p.kind === 'event' && p.data.type === 'strategic_session');
    expect(session?.data).toMatchObject({
      date: { from: '2017-12-05', to: '2017-12-05', precision: 'day' },
      status: 'held',
    });
  });

  it('gives the setup session of seed 002 its participants and plans the second one', () => {
    const ps = proposalsOf(seed('002_d7c196e4e83e66a2.txt'), '2013-10-11');
    const events = ps.filter((p) => p.kind === 'event');
    expect(events.map((e) => e.label)).toEqual([
      expect.stringMatching(/^Установочная сессия 09\.10\.2013–10\.10\.2013 — участников: \d+$/),
      'Установочная сессия 28.10.2013–29.10.2013',
    ]);
    const first = events[0]!;
    if (first.kind !== 'event') throw new Error('not an event');
    const roles = Object.fromEntries(first.data.participants.map((p) => [p.key, p.role]));
    expect(roles['organisation:оао энергия'] ?? roles['organisation:энергия']).toBe('participant');
    expect(roles['organisation:центр консалтинга панацея']).toBe('organiser');
    expect(roles['person:лаврентьев владимир васильевич']).toBe('opener');
    expect(events[1]!.data).toMatchObject({ status: 'planned' });
    // The organisation's region comes from the town after it.
    const energy = ps.find((p) => p.label === 'ОАО «Энергия»');
    expect(energy?.data).toMatchObject({ regionCode: '42', town: 'Елец', regionFrom: 'town' });
  });

  it('gives the same keys on every run, so nothing is proposed twice', () => {
    const text = seed('003_fbfea715c7b481e1.txt');
    const a = proposalsOf(text, '2022-06-17').map((p) => p.key);
    const b = proposalsOf(text, '2022-06-17').map((p) => p.key);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
  });

  it('reads ИНН and ОГРН stated next to an organisation', () => {
    const ps = proposalsOf(
      'ООО «Ромашка» (ИНН 4825000000, ОГРН 1024800000000) в Липецкой области открыло цех.',
      '2024-01-10',
    );
    expect(ps.find((p) => p.kind === 'organisation')?.data).toMatchObject({
      inn: '4825000000',
      ogrn: '1024800000000',
      regionCode: '42',
    });
  });
});
