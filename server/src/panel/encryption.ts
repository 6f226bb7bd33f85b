// Encryption at rest for special-category data (GDPR art. 9): AES-256-GCM with the key from
// PANEL_DATA_KEY, a random 96-bit IV per value, and the record's id as additional data, so a
// ciphertext copied onto another record does not decrypt. Stored as `v1:<base64 iv|tag|data>`;
// the prefix leaves room for a key rotation that re-encrypts under `v2`.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { securitySettings } from '../auth/settings.js';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

let cached: { base64: string; key: Buffer } | undefined;

function currentKey(): Buffer {
  const base64 = securitySettings().panelDataKey;
  if (cached?.base64 !== base64) {
    const key = Buffer.from(base64, 'base64');
    if (key.length !== 32) throw new Error('PANEL_DATA_KEY must be 32 bytes in base64.');
    cached = { base64, key };
  }
  return cached.key;
}

/** Encrypts `plaintext` for the record `recordId`. */
export function encryptField(plaintext: string, recordId: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', currentKey(), iv);
  cipher.setAAD(Buffer.from(recordId));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
}

/** Decrypts what `encryptField` wrote for the same record; throws on a wrong key, record or any tampering. */
export function decryptField(stored: string, recordId: string): string {
  const [version, payload] = stored.split(':');
  if (version !== VERSION || !payload) throw new Error('Unknown ciphertext format.');
  const bytes = Buffer.from(payload, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', currentKey(), bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(recordId));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}
