import { generate, generateSecret, generateURI, verify } from 'otplib';
import type { Clock } from '../clock.ts';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, username: string): string {
  return generateURI({ issuer: 'Guantong 贯通', label: username, secret });
}

/** Accepts the current code and the one either side of it, for phones whose clocks drift. */
export async function checkTotp(secret: string, code: string, clock: Clock): Promise<boolean> {
  const result = await verify({ secret, token: code, epoch: Math.floor(clock.now().getTime() / 1000), epochTolerance: 30 });
  return result.valid;
}

export function totpCodeAt(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}
