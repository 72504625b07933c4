import { describe, expect, it } from 'vitest';
import { ClusterMapInputError, runClusterMap } from './cluster-map-command.ts';

// EconGeo's documented example (PRODUCT.md): every region and industry totals 100.
const econGeoRows = [
  [100, 0, 0, 0, 0],
  [0, 15, 5, 70, 10],
  [0, 20, 10, 20, 50],
  [0, 25, 30, 5, 40],
  [0, 40, 55, 5, 0],
];
function econGeoCsv(establishments?: (r: number, i: number, e: number) => number): string {
  const header = establishments
    ? 'region,industry,employment,establishments'
    : 'region,industry,employment';
  const lines = [header];
  econGeoRows.forEach((row, r) =>
    row.forEach((e, i) => {
      const cells = [`R${r + 1}`, `I${i + 1}`, String(e)];
      if (establishments) cells.push(String(establishments(r, i, e)));
      lines.push(cells.join(','));
    }),
  );
  return lines.join('\n') + '\n';
}

/** The out CSV as { "R2×I4": [lq, strong, stars] }. */
function byCell(out: string): Record<string, [string, string, string]> {
  const [header, ...lines] = out.trim().split('\n');
  expect(header).toBe('region,industry,employment,lq,strong,stars');
  return Object.fromEntries(
    lines.map((line) => {
      const [region, industry, , lq, strong, stars] = line.split(',');
      return [`${region}×${industry}`, [lq!, strong!, stars!]];
    }),
  );
}

describe('runClusterMap', () => {
  it('writes LQ, strong and stars for the EconGeo example, one row per input row in input order', () => {
    const { out } = runClusterMap({ inputCsv: econGeoCsv() });
    expect(out).toBe(
      [
        'region,industry,employment,lq,strong,stars',
        // I1 exists only in R1: top of its one-region ranking (size, focus) and LQ 5 (specialisation).
        'R1,I1,100,5,0,3',
        'R1,I2,0,0,0,0',
        'R1,I3,0,0,0,0',
        'R1,I4,0,0,0,0',
        'R1,I5,0,0,0,0',
        'R2,I1,0,0,0,0',
        'R2,I2,15,0.75,0,0',
        'R2,I3,5,0.25,0,0',
        // I4: employment Q25 = 5, LQ Q75 = 1.625 → strong; Q90 employment = 55, share .55 → 3 stars.
        'R2,I4,70,3.5,1,3',
        'R2,I5,10,0.5,0,0',
        'R3,I1,0,0,0,0',
        'R3,I2,20,1,0,0',
        'R3,I3,10,0.5,0,0',
        'R3,I4,20,1,0,0',
        // I5: Q25 = 25, Q75(LQ) = 2.25 → strong; Q90 employment = 48 → size; LQ 2.5; focus.
        'R3,I5,50,2.5,1,3',
        'R4,I1,0,0,0,0',
        'R4,I2,25,1.25,0,0',
        'R4,I3,30,1.5,0,0',
        'R4,I4,5,0.25,0,0',
        // LQ exactly 2 earns the specialisation star; below Q75(LQ) = 2.25, so not strong.
        'R4,I5,40,2,0,1',
        'R5,I1,0,0,0,0',
        // I2: Q25 = 18.75, Q75(LQ) = 1.4375; Q90 employment = 35.5. I3: Q25 = 8.75, Q75 = 1.8125, Q90 = 47.5.
        'R5,I2,40,2,1,3',
        'R5,I3,55,2.75,1,3',
        'R5,I4,5,0.25,0,0',
        'R5,I5,0,0,0,0',
        '',
      ].join('\n'),
    );
  });

  it('summarises each region’s traded and strong employment and its cluster strength', () => {
    const { summary } = runClusterMap({ inputCsv: econGeoCsv() });
    expect(summary).toBe(
      [
        'region,traded_employment,strong_employment,cluster_strength',
        'R1,100,0,0',
        'R2,100,70,0.7',
        'R3,100,50,0.5',
        'R4,100,0,0',
        'R5,100,95,0.95',
        '',
      ].join('\n'),
    );
  });

  it('benchmarks against the reference file: E_i from its rows, E from the sum of all its rows', () => {
    // Country: I1..I5 1 000 each plus I6 5 000 the input lacks → E = 10 000; LQ = (e / 100) / 0.1.
    const referenceCsv = [
      'industry,employment',
      'I1,1000',
      'I2,1000',
      'I3,1000',
      'I4,1000',
      'I5,1000',
      'I6,5000',
    ].join('\n');
    const { out } = runClusterMap({ inputCsv: econGeoCsv(), referenceCsv });
    const cells = byCell(out);
    expect(cells['R1×I1']![0]).toBe('10');
    expect(cells['R2×I4']![0]).toBe('7');
    expect(cells['R2×I2']![0]).toBe('1.5');
    // Quantile thresholds scale with the LQs: the same cells are strong.
    expect(
      Object.entries(cells)
        .filter(([, c]) => c[1] === '1')
        .map(([k]) => k),
    ).toEqual(['R2×I4', 'R3×I5', 'R5×I2', 'R5×I3']);
    // R4×I2 now has LQ 2.5 ≥ 2: a specialisation star, but no size or focus star.
    expect(cells['R4×I2']).toEqual(['2.5', '0', '1']);
  });

  it('uses establishments for strong, as CMP does, when the column is present', () => {
    // Establishments equal employment, except I2 where R5 has the fewest (2 ≤ Q25 = 2.75).
    const i2 = [0, 3, 4, 5, 2];
    const inputCsv = econGeoCsv((r, i, e) => (i === 1 ? i2[r]! : e));
    const { out, summary } = runClusterMap({ inputCsv });
    const cells = byCell(out);
    expect(cells['R5×I2']).toEqual(['2', '0', '3']); // stars ignore establishments
    expect(cells['R5×I3']![1]).toBe('1');
    expect(summary).toContain('R5,100,55,0.55');
  });

  it('writes up to six decimals and quotes fields that need it', () => {
    const inputCsv = [
      'region,industry,employment',
      '"Москва, город",Машиностроение,1',
      '"Москва, город",Химия,2',
      'Липецкая область,Машиностроение,2',
      'Липецкая область,Химия,1',
    ].join('\n');
    const { out, summary } = runClusterMap({ inputCsv });
    // LQ = (1/3) / (3/6) = 2/3. Химия in Moscow: LQ 4/3 ≥ Q75 = 7/6 and ≥ 1, 2 > Q25 = 1.25 → strong;
    // stars: size (2 ≥ Q90 = 1.9) and focus (2/3 ≥ Q90 = 0.6333), not specialisation (4/3 < 2).
    expect(out.split('\n')[1]).toBe('"Москва, город",Машиностроение,1,0.666667,0,0');
    expect(out.split('\n')[2]).toBe('"Москва, город",Химия,2,1.333333,1,2');
    expect(summary.split('\n')[1]).toBe('"Москва, город",3,2,0.666667');
  });

  it('reads semicolon-separated files with a decimal comma and a byte-order mark (Excel, Russian locale)', () => {
    const inputCsv = '\uFEFFregion;industry;employment\nA;X;1,5\nA;Y;1 000\nB;X;2\nB;Y;0\n';
    const { out } = runClusterMap({ inputCsv });
    // LQ = (1.5 / 1001.5) / (3.5 / 1003.5) = 1505.25 / 3505.25
    expect(out.split('\n')[1]).toBe('A,X,1.5,0.429427,0,0');
    expect(out.split('\n')[2]).toMatch(/^A,Y,1000,/);
  });

  it('treats a missing region × industry pair as 0 and warns, never NaN, about a region with no employment', () => {
    const inputCsv = ['region,industry,employment', 'A,X,10', 'A,Y,30', 'B,X,0'].join('\n');
    const { out, summary, warnings } = runClusterMap({ inputCsv });
    expect(out).not.toMatch(/NaN|Infinity/);
    expect(out.split('\n')).toHaveLength(5);
    expect(summary).toContain('B,0,0,0');
    expect(warnings).toEqual([
      'у региона «B» нулевая занятость: его коэффициенты локализации равны 0 (region "B" has no employment: its location quotients are 0)',
    ]);
  });

  describe('rejects bad input with the line and field, in Russian with English in parentheses', () => {
    function problemsOf(input: { inputCsv: string; referenceCsv?: string }) {
      try {
        runClusterMap(input);
      } catch (error) {
        expect(error).toBeInstanceOf(ClusterMapInputError);
        return {
          message: (error as Error).message,
          problems: (error as ClusterMapInputError).problems,
        };
      }
      throw new Error('expected runClusterMap to throw');
    }

    it('a missing column', () => {
      const { message, problems } = problemsOf({ inputCsv: 'region,industry\nA,X\n' });
      expect(problems).toEqual([
        {
          file: 'input',
          line: 1,
          field: 'employment',
          message:
            'нет обязательного столбца «employment» (required column "employment" is missing)',
        },
      ]);
      expect(message).toBe(
        'входной файл (input): строка 1 (line 1), поле «employment» (field "employment"): ' +
          'нет обязательного столбца «employment» (required column "employment" is missing)',
      );
    });

    it('a non-numeric or negative employment', () => {
      const { problems } = problemsOf({
        inputCsv: 'region,industry,employment\nA,X,10\nA,Y,много\nB,X,-3\n',
      });
      expect(problems).toEqual([
        {
          file: 'input',
          line: 3,
          field: 'employment',
          message:
            'значение «много» не является неотрицательным числом (value "много" is not a non-negative number)',
        },
        {
          file: 'input',
          line: 4,
          field: 'employment',
          message:
            'значение «-3» не является неотрицательным числом (value "-3" is not a non-negative number)',
        },
      ]);
    });

    it('a duplicate region × industry, naming both lines', () => {
      const { message } = problemsOf({
        inputCsv: 'region,industry,employment\nA,X,1\nB,X,2\nA,X,3\n',
      });
      expect(message).toContain('строка 4 (line 4), поле «industry» (field "industry")');
      expect(message).toContain('уже указана в строке 2');
      expect(message).toContain('is already given on line 2');
    });

    it('an empty establishments cell when the column is present', () => {
      const { problems } = problemsOf({
        inputCsv: 'region,industry,employment,establishments\nA,X,1,\n',
      });
      expect(problems).toMatchObject([{ line: 2, field: 'establishments' }]);
    });

    it('an unknown column, a row of the wrong length and an empty file', () => {
      expect(problemsOf({ inputCsv: 'region,industry,employees\nA,X,1\n' }).problems).toMatchObject(
        [
          { line: 1, field: 'employees' },
          { line: 1, field: 'employment' },
        ],
      );
      expect(problemsOf({ inputCsv: 'region,industry,employment\nA,X\n' }).problems).toMatchObject([
        { line: 2, field: 'csv' },
      ]);
      expect(problemsOf({ inputCsv: '' }).problems).toMatchObject([{ line: null, field: 'csv' }]);
    });

    it('a reference that lacks an input industry, repeats one, or has a bad number', () => {
      const inputCsv = 'region,industry,employment\nA,X,1\nA,Y,2\n';
      expect(
        problemsOf({ inputCsv, referenceCsv: 'industry,employment\nX,10\n' }).problems,
      ).toEqual([
        {
          file: 'reference',
          line: null,
          field: 'industry',
          message:
            'в справочном файле нет отрасли «Y» из входного файла (industry "Y" of the input is missing from the reference)',
        },
      ]);
      expect(
        problemsOf({ inputCsv, referenceCsv: 'industry,employment\nX,10\nY,abc\nX,5\n' }).problems,
      ).toMatchObject([
        { file: 'reference', line: 3, field: 'employment' },
        { file: 'reference', line: 4, field: 'industry' },
      ]);
    });
  });
});
