import { z } from 'zod';
import type { InputProblem } from './input-problem.ts';

const ru = z.locales.ru().localeError;
const en = z.locales.en().localeError;

function localise(map: typeof ru, issue: z.core.$ZodIssue): string {
  const result = map(issue as unknown as z.core.$ZodRawIssue);
  if (typeof result === 'string') return result;
  return result?.message ?? issue.message;
}

/** `participants[3].kind` from zod's path. */
function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, k) => (typeof key === 'number' ? `[${key}]` : `${k === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/**
 * Zod issues as bilingual field problems. Built-in checks are localised with
 * zod's own Russian and English locales; custom rules carry their Russian text
 * as the message and the English one in `params.messageEn`.
 */
export function zodProblems(error: z.ZodError): InputProblem[] {
  return error.issues.flatMap((issue): InputProblem[] => {
    const field = formatPath(issue.path);
    // One problem per unknown field, named by its own path, so a typo is found at once.
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({
        field: formatPath([...issue.path, key]),
        code: 'unrecognized_key',
        message: `Неизвестное поле «${key}»`,
        messageEn: `Unknown field "${key}"`,
      }));
    if (issue.code === 'custom') {
      const params = (issue as { params?: { messageEn?: string; code?: string } }).params;
      return [
        {
          field,
          code: params?.code ?? 'custom',
          message: issue.message,
          messageEn: params?.messageEn ?? issue.message,
        },
      ];
    }
    return [
      { field, code: issue.code, message: localise(ru, issue), messageEn: localise(en, issue) },
    ];
  });
}
