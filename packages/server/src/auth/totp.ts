import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/**
 * Second factor: RFC 6238 TOTP (30 s, 6 digits, SHA-1 — what every
 * authenticator app reads) through the well-kept otpauth library; the QR
 * code of the otpauth:// URI is drawn by the qrcode package.
 */
const ISSUER = 'PromAtlas';

export function totpFor(secretBase32: string, email: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label: email,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/**
 * The time step of a code valid now or one period either side (clock drift),
 * or null. A step at or before `lastStep` (a code already used) is refused,
 * so an observed code cannot be replayed within its 90 s.
 */
export function checkTotp(
  secretBase32: string,
  email: string,
  code: string,
  lastStep: number | null = null,
): number | null {
  const totp = totpFor(secretBase32, email);
  const delta = totp.validate({ token: code, window: 1 });
  if (delta === null) return null;
  const step = totp.counter() + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

export async function totpEnrolment(
  secretBase32: string,
  email: string,
): Promise<{ secret: string; uri: string; qrSvg: string }> {
  const uri = totpFor(secretBase32, email).toString();
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret: secretBase32, uri, qrSvg };
}
