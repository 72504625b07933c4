import { describe, expect, it } from 'vitest';
import { extractIntake } from './extract.ts';

describe('events', () => {
  it('types sessions, signings, forums, meetings and openings, dated by their sentence', () => {
    const r = extractIntake(
      '05 декабря 2017 года состоялась стратегическая сессия. 9 и 10 октября 2013 года провели установочную сессию. ' +
        'На ПМЭФ-2022 подписали соглашение. На встрече правительств утвердили план. Открытие завода намечено на весну.',
      { published: '2024-03-14' },
    );
    expect(r.events.map((e) => [e.type, e.date])).toEqual([
      ['strategic_session', '2017-12-05'],
      ['setup_session', '2013-10-09/2013-10-10'],
      ['forum', '2022'],
      ['agreement_signing', '2022'],
      ['meeting', null],
      ['opening', '2024-21'],
    ]);
  });
});

describe('agreements', () => {
  it('collects parties, signatories and the date over the sentences about one agreement', () => {
    const r = extractIntake(
      'Ассоциация кластеров, технопарков и ОЭЗ России и Тамбовская область заключили соглашение о сотрудничестве на ПМЭФ-2022. ' +
        'Директор Ассоциации кластеров, технопарков и ОЭЗ России Андрей Шпиленко подписал соглашение с врио главы администрации Тамбовской области Максимом Егоровым.',
    );
    expect(r.agreements).toHaveLength(1);
    expect(r.agreements[0]).toMatchObject({
      text: 'соглашение',
      date: '2022',
      signatories: ['Шпиленко Андрей', 'Егоров Максим'],
    });
    expect(r.agreements[0]!.parties).toEqual(
      expect.arrayContaining([
        'Ассоциация кластеров, технопарков и ОЭЗ России',
        'Тамбовская область',
      ]),
    );
  });

  it('takes the date of an approved plan from the next sentence', () => {
    const r = extractIntake(
      'На встрече правительств Москвы и Магаданской области был утвержден совместный план действий. Документ рассчитан на 2025 год.',
    );
    expect(r.agreements[0]).toMatchObject({
      parties: ['Москва', 'Магаданская область'],
      date: '2025',
    });
  });

  it('proposes no agreement for a sentence that only mentions one', () => {
    expect(extractIntake('Соглашение станет первым шагом.').agreements).toEqual([]);
  });
});
