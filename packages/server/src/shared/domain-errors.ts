/**
 * The errors a use case raises. They say what went wrong in the domain's terms
 * (a record that does not exist, a conflict with the current record, input that
 * breaks a rule) and carry a bilingual message and a stable machine code; they
 * know nothing of HTTP. The HTTP layer (http/errors.ts) alone turns each kind
 * into a status code, and the command line prints the messages, so the same use
 * case serves a route, the CLI and a worker.
 */

/** One field's problem, in Russian and English; `field` is the API's camelCase path (`subject.id`). */
export interface FieldProblem {
  field: string;
  message: string;
  messageEn: string;
}

/** The kinds of failure; each maps to exactly one status in the HTTP layer. */
export type DomainErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'precondition';

export interface DomainErrorOptions {
  /** Machine code of the answer (`error.code`); defaults to the kind's usual code. */
  code?: string | undefined;
  /** Further fields of the error object: `fields`, the current record on a conflict, the existing one on a duplicate. */
  details?: Record<string, unknown> | undefined;
}

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(
    defaultCode: string,
    readonly messageRu: string,
    readonly messageEn: string,
    options: DomainErrorOptions = {},
  ) {
    super(messageEn);
    this.name = new.target.name;
    this.code = options.code ?? defaultCode;
    this.details = options.details ?? {};
  }
}

/** The input breaks a rule: names every field and its problem when there are fields to name. */
export class ValidationError extends DomainError {
  readonly kind = 'validation';

  constructor(
    messageRu: string,
    messageEn: string,
    options: DomainErrorOptions & { fields?: FieldProblem[] | undefined } = {},
  ) {
    const { fields, ...rest } = options;
    super('validation', messageRu, messageEn, {
      ...rest,
      details: fields ? { fields, ...rest.details } : rest.details,
    });
  }

  /** One error listing several field problems («Неверные данные: …»). */
  static ofFields(fields: FieldProblem[]): ValidationError {
    return new ValidationError(
      `Неверные данные: ${fields.map((f) => f.message).join('; ')}`,
      `Invalid data: ${fields.map((f) => `${f.field}: ${f.messageEn}`).join('; ')}`,
      { fields },
    );
  }
}

/** Nobody is signed in, and the operation needs someone. */
export class UnauthenticatedError extends DomainError {
  readonly kind = 'unauthenticated';

  constructor(
    messageRu = 'Войдите в систему',
    messageEn = 'Sign in first',
    options: DomainErrorOptions = {},
  ) {
    super('unauthenticated', messageRu, messageEn, options);
  }
}

/** The signed-in user may not do this. */
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';

  constructor(messageRu: string, messageEn: string, options: DomainErrorOptions = {}) {
    super('forbidden', messageRu, messageEn, options);
  }
}

/** A record (or a part of one) that does not exist, or that the viewer may not see. */
export class NotFoundError extends DomainError {
  readonly kind = 'not_found';

  /** The usual wording: `what`/`whatEn` name the kind of record («Организация», "Organisation"). */
  constructor(what: string, whatEn: string, id: string | number);
  /** Own wording (a year missing from a data set, an object missing from an edition). */
  constructor(message: { ru: string; en: string; code?: string });
  constructor(
    whatOrMessage: string | { ru: string; en: string; code?: string },
    whatEn?: string,
    id?: string | number,
  ) {
    if (typeof whatOrMessage === 'string')
      super(
        'not_found',
        `${whatOrMessage} с идентификатором «${id}» не найден(а)`,
        `${whatEn} «${id}» not found`,
      );
    else
      super('not_found', whatOrMessage.ru, whatOrMessage.en, {
        code: whatOrMessage.code,
      });
  }
}

/** The operation contradicts the current state: a duplicate, the last administrator, a final record. */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';

  constructor(messageRu: string, messageEn: string, options: DomainErrorOptions = {}) {
    super('conflict', messageRu, messageEn, options);
  }
}

/**
 * Optimistic concurrency: the record changed since the client read it. Carries
 * the current record and its version so the client can compare and save again.
 */
export class StaleVersionError extends ConflictError {
  constructor(
    readonly current: Record<string, unknown>,
    readonly currentVersion: number,
  ) {
    super(
      'Запись изменена другим пользователем, пока вы её редактировали. Сравните версии и сохраните ещё раз.',
      'The record was changed by someone else meanwhile; compare the versions and save again.',
      { code: 'conflict', details: { current, currentVersion } },
    );
  }
}

/** The input is larger than the operation can take (a file over the limit, a table too big to parse). */
export class TooLargeError extends DomainError {
  readonly kind = 'too_large';

  constructor(messageRu: string, messageEn: string, options: DomainErrorOptions = {}) {
    super('too_large', messageRu, messageEn, options);
  }
}

/**
 * The request is well-formed but the record's state does not allow the
 * operation (a published edition has no scores to explain; a data set has no
 * values to compute from).
 */
export class PreconditionError extends DomainError {
  readonly kind = 'precondition';

  constructor(messageRu: string, messageEn: string, options: DomainErrorOptions = {}) {
    super('precondition', messageRu, messageEn, options);
  }
}
