// One CJ account, one QPS budget (issue 10 §7): a one-shot command (`lojista cj balance`, `cj
// webhooks enable`, `scan`) that calls CJ while an engine serves the same store would spend the
// account's budget from a second process, and CJ answers 429 to whichever request comes second.
// On the scale runtime the command joins the engine's budget through Redis (the limiter every
// instance shares), so it may run. On the embedded runtime the budget lives inside the engine's
// process, so the command refuses while the engine's presence lease is live — and says what to do.
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { PRESENCE_PREFIX } from '../runtime/presence.js';
import { CliError, EXIT } from './exit-codes.js';

export interface BudgetGuardInput {
  storeId: string;
  db: Kysely<Database>;
  clock: Clock;
  /** The command shares the engine's budget through Redis (scale runtime). */
  sharedBudget: boolean;
  /** The command talks to its own in-process simulator: no account is shared with anyone. */
  ownSimulator: boolean;
}

/** Throws EXIT.busy when an engine serves the store and this process would hold a second budget. */
export async function refuseBesideRunningEngine(input: BudgetGuardInput): Promise<void> {
  if (input.sharedBudget || input.ownSimulator) return;
  const now = new Date(input.clock.now()).toISOString();
  const engines = await input.db
    .selectFrom('locks')
    .select(['owner', 'expires_at'])
    .where('name', 'like', `${PRESENCE_PREFIX}%`)
    .where('expires_at', '>', now)
    .execute();
  if (engines.length === 0) return;
  const who = engines.map((e) => e.owner).join(', ');
  throw new CliError(
    `store ${input.storeId} is being served by a running engine (${who}), which spends its CJ account's QPS budget in its own process; ` +
      `a second process on the same account would make CJ answer 429. Use the running store instead (the admin console or API), ` +
      `stop it first, or run the fleet on the scale runtime (REDIS_URL), where every process shares one budget.`,
    EXIT.busy,
  );
}
