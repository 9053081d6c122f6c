// Newsletter / contact leads collected by the storefront. Consent is required and recorded with its
// date (GDPR); the same email from the same source is stored once.
import { randomUUID } from 'node:crypto';
import type { StoreContext } from '../stores/context.js';

export interface LeadInput {
  name: string;
  email: string;
  source: string;
  consent: boolean;
}

export interface Lead {
  id: string;
  name: string;
  email: string;
  source: string;
  consent: boolean;
  createdAt: string;
}

export type AddLeadResult = { created: true; lead: Lead } | { created: false; lead: Lead };

export async function addLead(ctx: StoreContext, input: LeadInput): Promise<AddLeadResult> {
  const email = input.email.trim().toLowerCase();
  const existing = await ctx.db
    .selectFrom('leads')
    .selectAll()
    .where('email', '=', email)
    .where('source', '=', input.source)
    .executeTakeFirst();
  if (existing) return { created: false, lead: toLead(existing) };
  const row = {
    id: randomUUID(),
    name: input.name.trim(),
    email,
    source: input.source,
    consent: input.consent ? 1 : 0,
    created_at: new Date(ctx.clock.now()).toISOString(),
  };
  const inserted = await ctx.db.insertInto('leads').values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
    // Lost a race with an identical submission: return the row that won.
    const winner = await ctx.db
      .selectFrom('leads')
      .selectAll()
      .where('email', '=', email)
      .where('source', '=', input.source)
      .executeTakeFirstOrThrow();
    return { created: false, lead: toLead(winner) };
  }
  return { created: true, lead: toLead(row) };
}

export async function listLeads(
  ctx: StoreContext,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: Lead[] }> {
  const rows = await ctx.db
    .selectFrom('leads')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const { n } = await ctx.db
    .selectFrom('leads')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return { total: Number(n), items: rows.map(toLead) };
}

function toLead(row: { id: string; name: string; email: string; source: string; consent: number; created_at: string }): Lead {
  return { id: row.id, name: row.name, email: row.email, source: row.source, consent: row.consent === 1, createdAt: row.created_at };
}
