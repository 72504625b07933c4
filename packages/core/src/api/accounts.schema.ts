import { z } from 'zod';
import { ACCOUNT_ROLES } from '../domain/vocabulary.ts';
import { regionCode, text } from './fields.ts';

/** Accounts, sign-in, passwords, the second factor and sessions. */

export const ROLES = ACCOUNT_ROLES.values;
export const ROLE_LABELS: Record<(typeof ROLES)[number] | 'public', string> = {
  ...ACCOUNT_ROLES.labels,
  public: 'Читатель (без входа)',
};

export const LoginSchema = z.object({
  email: z.string().trim().toLowerCase().email('Введите адрес электронной почты').max(320),
  password: z.string().min(1, 'Введите пароль').max(1000),
  totpCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Код из приложения — 6 цифр')
    .optional()
    .describe('Код второго фактора (TOTP), если он включён'),
});

/**
 * The length of a password, as the browser can check it; the server also
 * refuses one repeated character, the e-mail, common and easily guessed
 * passwords, field by field in Russian and English (auth/password-policy.ts).
 */
export const PasswordSchema = z
  .string()
  .min(12, 'Пароль не короче 12 символов')
  .max(1000, 'Пароль не длиннее 1000 символов');

export const PasswordChangeSchema = z.object({
  currentPassword: z.string().min(1, 'Введите текущий пароль').max(1000),
  newPassword: PasswordSchema,
});

export const TotpCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Код из приложения — 6 цифр'),
});

export const TotpEnrolmentSchema = z.object({
  secret: z.string().describe('Секрет в base32 — для ручного ввода в приложение'),
  uri: z.string().describe('otpauth:// URI'),
  qrSvg: z.string().describe('QR-код URI в виде SVG'),
});

export const UserCreateSchema = z
  .object({
    email: z.string().trim().toLowerCase().email('Введите адрес электронной почты').max(320),
    displayName: text(200, 'Имя'),
    role: z.enum(ROLES),
    regions: z.array(regionCode).max(89).default([]),
    password: PasswordSchema,
    mustChangePassword: z
      .boolean()
      .default(false)
      .describe('Потребовать смены пароля при первом входе'),
  })
  .refine((u) => u.role !== 'regional_editor' || u.regions.length > 0, {
    message: 'Региональному редактору нужен хотя бы один регион',
    path: ['regions'],
  });

export const UserSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  regions: z.array(z.string()),
  disabled: z.boolean(),
  mustChangePassword: z.boolean().describe('Пароль нужно сменить, прежде чем работать дальше'),
  totpEnabled: z.boolean().describe('Включён второй фактор (TOTP)'),
});
export type User = z.infer<typeof UserSchema>;

export const SessionInfoSchema = z.object({
  id: z.number().int(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean().describe('Сессия этого запроса'),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;
export const SessionListSchema = z.object({ items: z.array(SessionInfoSchema) });

export const ViewerSchema = z.object({
  user: UserSchema.nullable(),
  csrfToken: z
    .string()
    .nullable()
    .describe('Передавайте в заголовке X-CSRF-Token при каждом изменяющем запросе'),
  totpRequired: z
    .boolean()
    .optional()
    .describe('Этому пользователю нужно подключить второй фактор, прежде чем работать дальше'),
});
