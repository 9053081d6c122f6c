// A store's `admin` section: how long console sessions last and when logins lock. The password is
// never here: `lojista admin set-password --store <id>` stores only its slow hash, in the database.
import { z } from 'zod';
import { durationSchema } from '../stores/config-schema.js';

export const adminSettingsSchema = z
  .object({
    /** A session unused this long ends (the owner logs in again). */
    sessionIdle: durationSchema('30m'),
    /** No session lasts longer than this, used or not. */
    sessionMax: durationSchema('12h'),
    /** Failed logins from one address, within lockWindow, before that address is locked out. */
    lockAfterFailures: z.number().int().min(1).max(100).default(5),
    /** Failed logins from all addresses together, within lockWindow, before every login is locked. */
    storeLockAfterFailures: z.number().int().min(1).max(10_000).default(30),
    lockWindow: durationSchema('15m'),
    /** How long a lockout lasts (`lojista admin unlock --store <id>` lifts it at once). */
    lockFor: durationSchema('15m'),
  })
  .strict();

export type AdminSettings = z.output<typeof adminSettingsSchema>;
