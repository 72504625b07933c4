import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from '../src/http/errors.ts';
import {
  ConflictError,
  type DomainError,
  ForbiddenError,
  NotFoundError,
  PreconditionError,
  StaleVersionError,
  TooLargeError,
  UnauthenticatedError,
  ValidationError,
} from '../src/shared/domain-errors.ts';

/** Each route throws one domain error, as a use case would; the error handler alone answers it. */
const THROWN: Record<string, () => DomainError> = {
  validation: () =>
    new ValidationError('Неверное поле', 'Invalid field', {
      fields: [{ field: 'name', message: 'пусто', messageEn: 'empty' }],
    }),
  fields: () =>
    ValidationError.ofFields([
      { field: 'a', message: 'первое', messageEn: 'first' },
      { field: 'b', message: 'второе', messageEn: 'second' },
    ]),
  wrongPassword: () =>
    new ValidationError('Неверный пароль', 'Wrong password', { code: 'wrong_password' }),
  unauthenticated: () => new UnauthenticatedError(),
  forbidden: () => new ForbiddenError('Только администратору', 'Administrators only'),
  notFound: () => new NotFoundError('Организация', 'Organisation', 7),
  notFoundOwn: () =>
    new NotFoundError({ ru: 'Нет года 1990', en: 'No year 1990', code: 'year_not_found' }),
  duplicate: () =>
    new ConflictError('Уже есть', 'Already exists', {
      code: 'duplicate',
      details: { field: 'inn' },
    }),
  stale: () => new StaleVersionError({ id: 7, name: 'Новое имя' }, 3),
  tooLarge: () => new TooLargeError('Слишком большой', 'Too large', { code: 'payload_too_large' }),
  precondition: () =>
    new PreconditionError('Издание опубликовано', 'Published edition', {
      code: 'published_edition',
    }),
};

const app = Fastify();

beforeAll(async () => {
  registerErrorHandling(app);
  for (const [name, make] of Object.entries(THROWN))
    app.get(`/${name}`, async () => {
      throw make();
    });
  await app.ready();
});
afterAll(() => app.close());

async function answer(name: string) {
  const res = await app.inject({ method: 'GET', url: `/${name}` });
  return {
    status: res.statusCode,
    error: (res.json() as { error: Record<string, unknown> }).error,
  };
}

describe('the HTTP answer to a domain error', () => {
  it('answers each kind with its status and the error’s own code and both messages', async () => {
    const expected: [string, number, string][] = [
      ['validation', 400, 'validation'],
      ['wrongPassword', 400, 'wrong_password'],
      ['unauthenticated', 401, 'unauthenticated'],
      ['forbidden', 403, 'forbidden'],
      ['notFound', 404, 'not_found'],
      ['notFoundOwn', 404, 'year_not_found'],
      ['duplicate', 409, 'duplicate'],
      ['stale', 409, 'conflict'],
      ['tooLarge', 413, 'payload_too_large'],
      ['precondition', 422, 'published_edition'],
    ];
    for (const [name, status, code] of expected) {
      const { status: got, error } = await answer(name);
      expect([name, got, error['code']]).toEqual([name, status, code]);
      expect(error['message'], name).toMatch(/[а-яё]/i);
      expect(error['messageEn'], name).toMatch(/^[^а-яё]*[a-z][^а-яё]*$/i);
    }
  });

  it('names the record kind and id in the usual not-found wording', async () => {
    expect((await answer('notFound')).error).toEqual({
      code: 'not_found',
      message: 'Организация с идентификатором «7» не найден(а)',
      messageEn: 'Organisation «7» not found',
    });
  });

  it('lists the fields of a validation error, in the order given', async () => {
    expect((await answer('validation')).error['fields']).toEqual([
      { field: 'name', message: 'пусто', messageEn: 'empty' },
    ]);
    expect((await answer('fields')).error).toEqual({
      code: 'validation',
      message: 'Неверные данные: первое; второе',
      messageEn: 'Invalid data: a: first; b: second',
      fields: [
        { field: 'a', message: 'первое', messageEn: 'first' },
        { field: 'b', message: 'второе', messageEn: 'second' },
      ],
    });
  });

  it('carries the current record and its version in a stale-version conflict', async () => {
    const { error } = await answer('stale');
    expect(error['current']).toEqual({ id: 7, name: 'Новое имя' });
    expect(error['currentVersion']).toBe(3);
  });

  it('spreads a conflict’s details into the error object', async () => {
    expect((await answer('duplicate')).error).toEqual({
      code: 'duplicate',
      message: 'Уже есть',
      messageEn: 'Already exists',
      field: 'inn',
    });
  });

  it('keeps a domain error an ordinary Error, usable without the web layer', () => {
    const error = THROWN['notFound']!();
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('NotFoundError');
    expect(error.message).toBe('Organisation «7» not found');
    expect(THROWN['stale']!()).toBeInstanceOf(ConflictError);
  });
});
