import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

/**
 * Discord HTTP interactions as Discord sends them: the JSON body signed with the application's
 * Ed25519 key over timestamp + body (headers X-Signature-Ed25519 and X-Signature-Timestamp).
 * Used by the hostile-input tests and by scripts/bench-load.ts.
 */

export interface InteractionKeys {
  privateKey: KeyObject;
  /** As the Developer Portal shows it (DISCORD_PUBLIC_KEY): 64 hex characters. */
  publicKeyHex: string;
}

export function interactionKeys(): InteractionKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKeyHex: Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex') };
}

export function signedInteractionHeaders(privateKey: KeyObject, body: string, timestampSec = Math.floor(Date.now() / 1000)): Record<string, string> {
  const timestamp = String(timestampSec);
  return {
    'content-type': 'application/json',
    'x-signature-timestamp': timestamp,
    'x-signature-ed25519': sign(null, Buffer.from(timestamp + body), privateKey).toString('hex'),
  };
}

export function sendInteraction(url: string, privateKey: KeyObject, interaction: unknown, timestampSec?: number): Promise<Response> {
  const body = JSON.stringify(interaction);
  return fetch(url, { method: 'POST', headers: signedInteractionHeaders(privateKey, body, timestampSec), body });
}
