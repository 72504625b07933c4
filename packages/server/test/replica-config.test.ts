import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config/config.ts';
import { isDatabaseUnavailable } from '../src/db/database-errors.ts';
import { formatLsn, parseLsn } from '../src/db/replica.ts';

describe('replica configuration and WAL positions', () => {
  it('reads DATABASE_REPLICA_URL with its lag bound, and refuses a replica without a primary', () => {
    const config = parseConfig(
      {
        DATABASE_URL: 'postgres://db-primary/promatlas',
        DATABASE_REPLICA_URL: 'postgres://db-replica/promatlas',
        PROMATLAS_REPLICA_MAX_LAG_MS: '250',
      },
      '/',
    );
    expect(config.replica).toEqual({ url: 'postgres://db-replica/promatlas', maxLagMs: 250 });
    expect(parseConfig({ DATABASE_URL: 'postgres://db/p' }, '/').replica).toBeUndefined();
    expect(() =>
      parseConfig({ DATABASE_REPLICA_URL: 'postgres://db-replica/promatlas' }, '/'),
    ).toThrow(ConfigError);
  });

  it('orders WAL positions by their high and low halves and writes them back as PostgreSQL does', () => {
    expect(parseLsn('0/16B3748')).toBe(0x16b3748n);
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
    expect(formatLsn(parseLsn('16/B374D848'))).toBe('16/B374D848');
    expect(() => parseLsn('16-B374D848')).toThrow();
  });

  it('tells a database that is away from a query that is wrong', () => {
    expect(
      isDatabaseUnavailable(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    expect(isDatabaseUnavailable({ code: '57P01', severity: 'FATAL' })).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(
      isDatabaseUnavailable(
        new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable({ code: '23505', severity: 'ERROR' })).toBe(false);
    expect(isDatabaseUnavailable(new Error('syntax error'))).toBe(false);
  });
});
