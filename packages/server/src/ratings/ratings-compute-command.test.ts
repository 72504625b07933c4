import { describe, expect, it } from 'vitest';
import {
  handWorkedMethodology,
  handWorkedValues,
} from '@promatlas/core/ratings/handWorkedExample.fixture.ts';
import { sezInvestmentAttractiveness } from '@promatlas/core/ratings/index.ts';
import { RatingsInputError, runRatingsCompute } from './ratings-compute-command.ts';

const methodologyJson = JSON.stringify(handWorkedMethodology);
const valuesCsv =
  'object,indicator,value\n' +
  handWorkedValues.map((v) => `${v.objectId},${v.indicator},${v.value}`).join('\n') +
  '\n';

function problemsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof RatingsInputError) return error.problems;
    throw error;
  }
  throw new Error('expected a RatingsInputError');
}

describe('runRatingsCompute', () => {
  it('rates the hand-worked example and writes scores, places and group scores as CSV', () => {
    // Numbers worked by hand in packages/core/src/ratings/computeEdition.test.ts.
    expect(runRatingsCompute({ methodologyJson, valuesCsv })).toBe(
      [
        'object,peer_group,score,place,disqualified,score_a,score_b',
        'o3,,0.567500,1,false,0.737500,0.312500',
        'o4,,0.500000,2,false,0.500000,0.500000',
        'o5,,0.487500,3,false,0.312500,0.750000',
        'o1,,0.460000,4,false,0.350000,0.625000',
        'o2,,0.357500,5,false,0.387500,0.312500',
        '',
      ].join('\n'),
    );
  });

  it('reads semicolon-separated files with a byte-order mark and decimal commas', () => {
    const excel =
      '\uFEFFobject;indicator;value\r\n' +
      handWorkedValues
        .map((v) => `${v.objectId};${v.indicator};${String(v.value).replace('.', ',')}`)
        .join('\r\n');
    expect(runRatingsCompute({ methodologyJson, valuesCsv: excel })).toBe(
      runRatingsCompute({ methodologyJson, valuesCsv }),
    );
  });

  it('ranks within peer groups and marks disqualified objects with empty score and place', () => {
    const methodology = {
      ...handWorkedMethodology,
      missingValueRule: 'disqualify',
      peerGroups: {
        basis: 'тип',
        groups: [
          { code: 'x', name: 'X' },
          { code: 'y', name: 'Y' },
        ],
      },
    };
    const csv =
      'object,indicator,value,peer_group\n' +
      handWorkedValues.map((v) => `${v.objectId},${v.indicator},${v.value},x`).join('\n') +
      '\n"ОЭЗ «Новая», очередь 2",a1,,y\n';
    const out = runRatingsCompute({ methodologyJson: JSON.stringify(methodology), valuesCsv: csv });
    const lines = out.trim().split('\n');
    expect(lines[1]).toBe('o3,x,0.567500,1,false,0.737500,0.312500');
    expect(lines[6]).toBe('"ОЭЗ «Новая», очередь 2",y,,,true,,');
  });

  it('rates the requested year and ignores the others', () => {
    const csv =
      'object,indicator,value,year,source\n' +
      handWorkedValues
        .map((v) => `${v.objectId},${v.indicator},${v.value},2024,отчёт УК`)
        .join('\n') +
      '\n' +
      handWorkedValues.map((v) => `${v.objectId},${v.indicator},1,2023,`).join('\n');
    expect(runRatingsCompute({ methodologyJson, valuesCsv: csv, year: 2024 })).toBe(
      runRatingsCompute({ methodologyJson, valuesCsv }),
    );
  });

  it('asks which year to rate when the file holds several', () => {
    const csv = 'object,indicator,value,year\no1,a1,1,2023\no1,a2,1,2024\n';
    expect(problemsOf(() => runRatingsCompute({ methodologyJson, valuesCsv: csv }))).toEqual([
      {
        line: null,
        field: 'year',
        message:
          'в файле несколько лет (2023, 2024); укажите, какой год рассчитывать (the file holds several years (2023, 2024); say which year to compute)',
      },
    ]);
  });

  it('reports every bad row with its line and field, in Russian with English in parentheses', () => {
    const csv = [
      'object,indicator,value,peer_group',
      'o1,a1,10,industrial_production',
      'o1,zz,10,industrial_production',
      'o2,a1,много,industrial_production',
      ',a2,1,industrial_production',
      'o3,a1,1,casino',
      'o1,a1,11,industrial_production',
      'o1,a2,1,port',
    ].join('\n');
    const problems = problemsOf(() =>
      runRatingsCompute({
        methodologyJson: JSON.stringify({
          ...handWorkedMethodology,
          peerGroups: sezInvestmentAttractiveness.peerGroups,
        }),
        valuesCsv: csv,
      }),
    );
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'indicator'],
      [4, 'value'],
      [5, 'object'],
      [6, 'peer_group'],
      [7, 'indicator'],
      [8, 'peer_group'],
    ]);
    expect(problems[0]!.message).toBe(
      'показатель «zz» не описан в методике «hand_worked» (indicator "zz" is not in methodology "hand_worked")',
    );
    expect(problems[1]!.message).toBe('значение «много» не число (value "много" is not a number)');
    expect(problems[4]!.message).toMatch(/уже указано в строке 2/);
    expect(problems[5]!.message).toMatch(/другая группа сравнения, чем в строке 2/);
  });

  it('puts every problem into the error message, each starting with its line', () => {
    expect(() =>
      runRatingsCompute({ methodologyJson, valuesCsv: 'object,indicator,value\no1,a1,x\n' }),
    ).toThrow(
      'Строка 2 (line 2), поле «value» (field "value"): значение «x» не число (value "x" is not a number)',
    );
  });

  it('rejects a header without a required column or with an unknown one', () => {
    const problems = problemsOf(() =>
      runRatingsCompute({ methodologyJson, valuesCsv: 'object,indicatr,value\n' }),
    );
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [1, 'indicatr'],
      [1, 'indicator'],
    ]);
  });

  it('rejects a row with the wrong number of fields', () => {
    const problems = problemsOf(() =>
      runRatingsCompute({ methodologyJson, valuesCsv: 'object,indicator,value\no1,a1\n' }),
    );
    expect(problems).toMatchObject([{ line: 2, field: 'csv' }]);
  });

  it('rejects a methodology that is not JSON', () => {
    expect(problemsOf(() => runRatingsCompute({ methodologyJson: '{', valuesCsv }))).toMatchObject([
      { line: null, field: 'methodology' },
    ]);
  });

  it('rejects an invalid methodology, naming the field', () => {
    const bad = {
      ...handWorkedMethodology,
      indicators: handWorkedMethodology.indicators.map((i, k) =>
        k === 0 ? { ...i, weight: -2 } : i,
      ),
    };
    expect(
      problemsOf(() => runRatingsCompute({ methodologyJson: JSON.stringify(bad), valuesCsv })),
    ).toEqual([
      {
        line: null,
        field: 'methodology.indicators[0].weight',
        message: 'вес не может быть отрицательным (invalid methodology)',
      },
    ]);
  });
});
