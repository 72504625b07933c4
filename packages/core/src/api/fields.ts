import { z } from 'zod';

/** Field schemas the API's input schemas share, with Russian messages naming the field. */

export const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label}: заполните поле`)
    .max(max, `${label}: не длиннее ${max} символов`);
export const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label}: не длиннее ${max} символов`).nullable().optional();
export const regionCode = z
  .string()
  .regex(/^\d{2,5}$/, 'Код региона — 2–5 цифр ОКАТО, например 42');
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Дата в формате ГГГГ-ММ-ДД');
