import { describe, expect, it } from 'vitest';
import { extractIntake } from './extract.ts';

const people = (text: string) =>
  extractIntake(text).people.map(({ text: t, fullName, positions }) => ({
    t,
    fullName,
    positions,
  }));

describe('people', () => {
  it('puts a name in an oblique case into the nominative, surname first, with the position', () => {
    expect(
      people(
        'соглашение с врио главы администрации Тамбовской области Максимом Егоровым о сотрудничестве',
      ),
    ).toEqual([
      {
        t: 'Максимом Егоровым',
        fullName: 'Егоров Максим',
        positions: [{ title: 'врио главы', organisation: 'администрация Тамбовской области' }],
      },
    ]);
  });

  it('reads surname-first names with a patronymic after a dash', () => {
    expect(
      people(
        'Директор Ассоциации организаций содействия развитию кластеров и технопарков – Шпиленко Андрей Викторович заявил',
      ),
    ).toEqual([
      {
        t: 'Шпиленко Андрей Викторович',
        fullName: 'Шпиленко Андрей Викторович',
        positions: [
          {
            title: 'директор',
            organisation: 'Ассоциация организаций содействия развитию кластеров и технопарков',
          },
        ],
      },
    ]);
  });

  it('reads genitive names and female names', () => {
    expect(
      people(
        'цитирует губернатора Липецкой области Игоря Артамонова. Слово дали Ольге Петровой.',
      ).map((p) => p.fullName),
    ).toEqual(['Артамонов Игорь', 'Петрова Ольга']);
  });

  it('finds later bare mentions of a surname already seen in full', () => {
    expect(
      people('отставка мэра Москвы Юрия Лужкова. «Чёрная метка» для Лужкова.').map((p) => [
        p.t,
        p.fullName,
      ]),
    ).toEqual([
      ['Юрия Лужкова', 'Лужков Юрий'],
      ['Лужкова', 'Лужков Юрий'],
    ]);
  });

  it('reads a position written after the name', () => {
    expect(
      people(
        'Об этом рассказал Андрей Шпиленко, директор Ассоциации кластеров и технопарков России, на форуме.',
      ),
    ).toEqual([
      {
        t: 'Андрей Шпиленко',
        fullName: 'Шпиленко Андрей',
        positions: [
          { title: 'директор', organisation: 'Ассоциация кластеров и технопарков России' },
        ],
      },
    ]);
  });

  it('reads a title governing another one and names a ministry by its field', () => {
    expect(
      people('Заместитель министра промышленности и торговли РФ Василий Осьмаков отметил рост.')[0],
    ).toMatchObject({
      fullName: 'Осьмаков Василий',
      positions: [
        {
          title: 'заместитель министра',
          organisation: 'Министерство промышленности и торговли РФ',
        },
      ],
    });
  });

  it('reads initials with a surname', () => {
    expect(people('выступил А. В. Шпиленко')[0]).toMatchObject({
      t: 'А. В. Шпиленко',
      fullName: 'Шпиленко',
    });
  });
});
