// The owner's credentials in the store's database: one row, "owner".
import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';

const OWNER = 'owner';

export interface OwnerCredentials {
  passwordHash: string;
  totpSecret: string | null;
  totpEnabled: boolean;
  totpLastStep: number | null;
}

export async function getOwnerCredentials(db: Kysely<Database>): Promise<OwnerCredentials | null> {
  const row = await db.selectFrom('admin_credentials').selectAll().where('id', '=', OWNER).executeTakeFirst();
  if (!row) return null;
  return {
    passwordHash: row.password_hash,
    totpSecret: row.totp_secret,
    totpEnabled: row.totp_enabled_at !== null && row.totp_secret !== null,
    totpLastStep: row.totp_last_step,
  };
}

export async function setOwnerPassword(db: Kysely<Database>, clock: Clock, passwordHash: string): Promise<void> {
  const at = new Date(clock.now()).toISOString();
  await db
    .insertInto('admin_credentials')
    .values({ id: OWNER, password_hash: passwordHash, totp_secret: null, totp_enabled_at: null, totp_last_step: null, updated_at: at })
    .onConflict((oc) => oc.column('id').doUpdateSet({ password_hash: passwordHash, updated_at: at }))
    .execute();
}

/** Enables TOTP with a secret the owner has already proven (by a code) that their app holds; null turns it off. */
export async function setOwnerTotp(db: Kysely<Database>, clock: Clock, secret: string | null): Promise<boolean> {
  const at = new Date(clock.now()).toISOString();
  const result = await db
    .updateTable('admin_credentials')
    .set({ totp_secret: secret, totp_enabled_at: secret ? at : null, totp_last_step: null, updated_at: at })
    .where('id', '=', OWNER)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records the time step of an accepted code, only if it is newer (two logins racing on one code: one wins). */
export async function claimTotpStep(db: Kysely<Database>, step: number): Promise<boolean> {
  const result = await db
    .updateTable('admin_credentials')
    .set({ totp_last_step: step })
    .where('id', '=', OWNER)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
