// Gives a store its console password when it has none (the demo's generated one). A password the
// owner set is never replaced.
import type { StoreContext } from '../../stores/context.js';
import { getOwnerCredentials, setOwnerPassword } from './credentials.js';
import { hashPassword } from './password-hash.js';

export async function ensureOwnerPassword(ctx: StoreContext, password: string): Promise<boolean> {
  if (await getOwnerCredentials(ctx.db)) return false;
  await setOwnerPassword(ctx.db, ctx.clock, await hashPassword(password));
  return true;
}
