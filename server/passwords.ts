/**
 * argon2id password hashing for the reference server (OWASP: at least 19 MiB
 * of memory, 2 iterations, 1 lane). Injected into `PortalBackend` as its
 * `PasswordHasher`; the browser mock uses the portable PBKDF2 one instead.
 *
 * Hashes are PHC strings (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`), so the
 * parameters can be raised later without invalidating stored passwords.
 */
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import type { PasswordHasher } from '../src/backend/service.js';

/** Memory in KiB and passes. The floor is OWASP's minimum for argon2id. */
export interface Argon2Params {
  memoryCost: number;
  timeCost: number;
}

export const ARGON2_MINIMUM: Argon2Params = { memoryCost: 19 * 1024, timeCost: 2 };
/** `Algorithm.Argon2id` (a `const enum`, which isolated modules cannot read). */
const ARGON2ID = 2 as Algorithm;
/** Longer inputs are refused before hashing: a megabyte "password" must not cost a megabyte of work. */
const MAX_PASSWORD_BYTES = 4096;

export function argon2Hasher(params: Partial<Argon2Params> = {}): PasswordHasher {
  const options: Options = {
    algorithm: ARGON2ID,
    memoryCost: Math.max(ARGON2_MINIMUM.memoryCost, params.memoryCost ?? ARGON2_MINIMUM.memoryCost),
    timeCost: Math.max(ARGON2_MINIMUM.timeCost, params.timeCost ?? ARGON2_MINIMUM.timeCost),
    parallelism: 1,
  };
  return {
    async hash(password) {
      if (Buffer.byteLength(password) > MAX_PASSWORD_BYTES) throw new Error('Password too long to hash.');
      return hash(password, options);
    },
    async verify(password, stored) {
      if (Buffer.byteLength(password) > MAX_PASSWORD_BYTES || !stored.startsWith('$argon2id$')) {
        await hash('not-the-password', options); // same cost either way: no timing oracle
        return false;
      }
      try {
        return await verify(stored, password);
      } catch {
        return false; // a malformed stored hash is a failed sign-in, never a 500
      }
    },
  };
}
