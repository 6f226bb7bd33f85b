// The security settings in force: start.ts sets them from the environment; tests adjust them.
// Kept out of the GraphQL context because they are the process's, not the request's.
import { DEVELOPMENT_PANEL_DATA_KEY, DEVELOPMENT_SESSION_SECRET, type Env } from '../env.js';

export interface SecuritySettings {
  sessionSecret: string;
  sessionIdleSeconds: number;
  sessionAbsoluteSeconds: number;
  /** Failures within the window: per account from one address, per address, per account from all addresses together. */
  login: {
    windowSeconds: number;
    maxFailuresPerAccount: number;
    maxFailuresPerAddress: number;
    maxFailuresPerAccountAnywhere: number;
  };
  /** Requests per window; 0 means no limit for that kind of caller. */
  rateLimit: { windowSeconds: number; anonymous: number; token: number; user: number };
  /** How many proxies in front of us to believe about the client's address and scheme. */
  trustProxyHops: number;
  /** Base64 of the 32-byte key that encrypts panel members' diversity profiles (panel/encryption.ts). */
  panelDataKey: string;
}

const DEFAULTS: SecuritySettings = {
  sessionSecret: DEVELOPMENT_SESSION_SECRET,
  sessionIdleSeconds: 30 * 60,
  sessionAbsoluteSeconds: 12 * 3600,
  login: {
    windowSeconds: 15 * 60,
    maxFailuresPerAccount: 5,
    maxFailuresPerAddress: 20,
    maxFailuresPerAccountAnywhere: 100,
  },
  rateLimit: { windowSeconds: 60, anonymous: 120, token: 600, user: 1200 },
  trustProxyHops: 0,
  panelDataKey: DEVELOPMENT_PANEL_DATA_KEY,
};

let current: SecuritySettings = structuredClone(DEFAULTS);

export function securitySettings(): SecuritySettings {
  return current;
}

type Overrides = Partial<Omit<SecuritySettings, 'login' | 'rateLimit'>> & {
  login?: Partial<SecuritySettings['login']>;
  rateLimit?: Partial<SecuritySettings['rateLimit']>;
};

/** Replaces the settings with the defaults plus `overrides` (not cumulative, so tests start clean). */
export function configureSecurity(overrides: Overrides = {}): SecuritySettings {
  current = {
    ...structuredClone(DEFAULTS),
    ...overrides,
    login: { ...DEFAULTS.login, ...overrides.login },
    rateLimit: { ...DEFAULTS.rateLimit, ...overrides.rateLimit },
  } as SecuritySettings;
  return current;
}

export function securitySettingsFromEnv(env: Env): Overrides {
  return {
    sessionSecret: env.SESSION_SECRET ?? DEVELOPMENT_SESSION_SECRET,
    panelDataKey: env.PANEL_DATA_KEY ?? DEVELOPMENT_PANEL_DATA_KEY,
    sessionIdleSeconds: env.SESSION_IDLE_MINUTES * 60,
    sessionAbsoluteSeconds: env.SESSION_ABSOLUTE_HOURS * 3600,
    login: {
      windowSeconds: env.LOGIN_THROTTLE_MINUTES * 60,
      maxFailuresPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerAddress: env.LOGIN_MAX_FAILURES_PER_ADDRESS,
      maxFailuresPerAccountAnywhere: env.LOGIN_MAX_FAILURES_PER_ACCOUNT_ANYWHERE,
    },
    rateLimit: {
      windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
      anonymous: env.RATE_LIMIT_ANONYMOUS,
      token: env.RATE_LIMIT_TOKEN,
      user: env.RATE_LIMIT_USER,
    },
    trustProxyHops: env.TRUST_PROXY,
  };
}
