// Production refuses to start without what it needs, and says what to set.
import { describe, expect, it } from 'vitest';
import {
  DEVELOPMENT_AUDIT_CHECKPOINT_KEY,
  DEVELOPMENT_PANEL_DATA_KEY,
  DEVELOPMENT_SESSION_SECRET,
  parseEnv,
} from './env.js';

const STRONG = 'q7Vh2kL9xR4mN8pT3wZ6bC1dF5gJ0sYa';
const DATABASE_URL = 'postgresql://welkom:secret@db:5432/welkom';
const PANEL_DATA_KEY = 'Jf0Qm1c8yq3Zk2m4V5n6b7c8d9e0f1g2h3i4j5k6l7M=';
const AUDIT_CHECKPOINT_KEY = 'c3Kp9Qw2Xz7Lm4Nb8Vr1Ty6Ui0Oa5Sd3Fg';

describe('NODE_ENV=production', () => {
  it('refuses a missing, short, repetitive or development session secret', () => {
    for (const SESSION_SECRET of [undefined, 'kort', 'a'.repeat(40), DEVELOPMENT_SESSION_SECRET]) {
      expect(() => parseEnv({ NODE_ENV: 'production', DATABASE_URL, SESSION_SECRET }), String(SESSION_SECRET)).toThrow(
        /SESSION_SECRET: set a random secret of at least 32 characters/,
      );
    }
  });

  it('refuses the embedded database', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', SESSION_SECRET: STRONG })).toThrow(
      /DATABASE_URL: production needs a real PostgreSQL/,
    );
  });

  it('refuses a missing or development panel data key, and any key that is not 32 bytes', () => {
    for (const key of [undefined, DEVELOPMENT_PANEL_DATA_KEY]) {
      expect(() =>
        parseEnv({ NODE_ENV: 'production', SESSION_SECRET: STRONG, DATABASE_URL, PANEL_DATA_KEY: key }),
      ).toThrow(/PANEL_DATA_KEY: set 32 random bytes in base64/);
    }
    for (const key of ['kort', Buffer.alloc(16, 7).toString('base64'), Buffer.alloc(48, 7).toString('base64')]) {
      expect(() => parseEnv({ PANEL_DATA_KEY: key })).toThrow(/PANEL_DATA_KEY: must be 32 bytes in base64/);
    }
  });

  it('refuses a missing or development audit checkpoint key', () => {
    for (const key of [undefined, DEVELOPMENT_AUDIT_CHECKPOINT_KEY]) {
      expect(() =>
        parseEnv({
          NODE_ENV: 'production',
          SESSION_SECRET: STRONG,
          DATABASE_URL,
          PANEL_DATA_KEY,
          AUDIT_CHECKPOINT_KEY: key,
        }),
      ).toThrow(/AUDIT_CHECKPOINT_KEY: set a random key/);
    }
    expect(() => parseEnv({ AUDIT_CHECKPOINT_KEY: 'kort' })).toThrow(/AUDIT_CHECKPOINT_KEY: at least 32 characters/);
  });

  it('starts with a strong secret, a panel data key, an audit checkpoint key and a real database', () => {
    expect(
      parseEnv({ NODE_ENV: 'production', SESSION_SECRET: STRONG, DATABASE_URL, PANEL_DATA_KEY, AUDIT_CHECKPOINT_KEY })
        .SESSION_SECRET,
    ).toBe(STRONG);
  });

  it('development needs neither, and reads the session and rate-limit settings', () => {
    const env = parseEnv({ SESSION_IDLE_MINUTES: '10', RATE_LIMIT_ANONYMOUS: '0', TRUST_PROXY: 'true' });
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      SESSION_IDLE_MINUTES: 10,
      SESSION_ABSOLUTE_HOURS: 12,
      RATE_LIMIT_ANONYMOUS: 0,
      TRUST_PROXY: 1,
    });
  });
});
