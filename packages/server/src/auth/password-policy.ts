import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { ValidationError } from '../shared/domain-errors.ts';

/**
 * Password policy: at least 12 characters; not one repeated character; not
 * the e-mail or the name; not one of the ~49,000 common passwords of the
 * well-kept @zxcvbn-ts/language-common list (leaked-password corpora); and
 * not guessable by zxcvbn's estimator (score 3 of 4 or better: keyboard
 * walks, sequences, dates, words with digits appended are refused).
 */
export const MIN_PASSWORD_LENGTH = 12;
const MIN_SCORE = 3;

const estimator = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
const COMMON = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

export interface PasswordProblem {
  message: string;
  messageEn: string;
}

export async function passwordProblem(
  password: string,
  account: { email?: string | undefined; displayName?: string | undefined } = {},
): Promise<PasswordProblem | null> {
  const chars = [...password];
  if (chars.length < MIN_PASSWORD_LENGTH)
    return {
      message: `Пароль не короче ${MIN_PASSWORD_LENGTH} символов`,
      messageEn: `The password must have at least ${MIN_PASSWORD_LENGTH} characters`,
    };
  if (new Set(chars).size === 1)
    return {
      message: 'Пароль не может состоять из одного повторяющегося символа',
      messageEn: 'The password cannot be one repeated character',
    };
  const lower = password.toLowerCase();
  const email = account.email?.trim().toLowerCase() ?? '';
  const local = email.split('@')[0] ?? '';
  if (email && (lower.includes(email) || (local.length >= 4 && lower.includes(local))))
    return {
      message: 'Пароль не должен содержать адрес электронной почты',
      messageEn: 'The password must not contain the e-mail address',
    };
  if (COMMON.has(lower))
    return {
      message: 'Этот пароль входит в список распространённых паролей — выберите другой',
      messageEn: 'This password is on the list of common passwords',
    };
  const inputs = [email, local, ...(account.displayName?.toLowerCase().split(/\s+/) ?? [])].filter(
    (s) => s.length >= 3,
  );
  const result = await estimator.check(password, inputs);
  if (result.score < MIN_SCORE)
    return {
      message:
        'Пароль слишком простой: его легко подобрать (повторы, последовательности, раскладка клавиатуры, распространённые слова). Возьмите несколько случайных слов',
      messageEn:
        'The password is too easy to guess (repeats, sequences, keyboard patterns or common words); use several random words',
    };
  return null;
}

/** Throws a field-level 400 when the password breaks the policy. */
export async function assertPasswordAcceptable(
  password: string,
  account: { email?: string | undefined; displayName?: string | undefined },
  field = 'password',
): Promise<void> {
  const problem = await passwordProblem(password, account);
  if (!problem) return;
  throw new ValidationError(
    `Неверный пароль: ${problem.message}`,
    `Invalid password: ${problem.messageEn}`,
    { fields: [{ field, message: problem.message, messageEn: problem.messageEn }] },
  );
}
