// Agent tokens: what an AI assistant presents to the store's MCP server. Each belongs to one store
// (it lives in that store's database, so another store never knows it), has a name (the actor
// "agent:<name>" on everything it does) and a scope: read (look only) or operate (may act).
// Only a SHA-256 of the token is kept: it is 32 random bytes, so a fast hash is as good as a slow one.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';

export const AGENT_SCOPES = ['read', 'operate'] as const;
export type AgentScope = (typeof AGENT_SCOPES)[number];

/** Lower-case letters, digits, ".", "_" and "-": it becomes part of the actor name. */
export const AGENT_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const PREFIX = 'lja_';

export interface AgentTokenInfo {
  id: string;
  name: string;
  scope: AgentScope;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export type CreateTokenResult = { ok: true; token: string; info: AgentTokenInfo } | { ok: false; code: 'invalid_name' | 'name_taken'; message: string };

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createAgentToken(db: Kysely<Database>, clock: Clock, input: { name: string; scope: AgentScope }): Promise<CreateTokenResult> {
  if (!AGENT_NAME_PATTERN.test(input.name)) {
    return { ok: false, code: 'invalid_name', message: 'the name must be 1–64 lower-case letters, digits, ".", "_" or "-" (e.g. "claude-desktop")' };
  }
  const existing = await db.selectFrom('agent_tokens').select('id').where('name', '=', input.name).executeTakeFirst();
  if (existing) return { ok: false, code: 'name_taken', message: `a token named "${input.name}" exists; revoke it first or choose another name` };
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  const info: AgentTokenInfo = { id: randomUUID(), name: input.name, scope: input.scope, createdAt: new Date(clock.now()).toISOString(), lastUsedAt: null, revokedAt: null };
  await db
    .insertInto('agent_tokens')
    .values({ id: info.id, name: info.name, scope: info.scope, token_hash: hashToken(token), created_at: info.createdAt, last_used_at: null, revoked_at: null })
    .execute();
  return { ok: true, token, info };
}

export async function listAgentTokens(db: Kysely<Database>): Promise<AgentTokenInfo[]> {
  const rows = await db.selectFrom('agent_tokens').selectAll().orderBy('created_at').orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, scope: r.scope, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at }));
}

/**
 * Revokes a token by name. The row stays (the audit trail names it) but gets a name no new token can
 * take, so the name is free again.
 */
export async function revokeAgentToken(db: Kysely<Database>, clock: Clock, name: string): Promise<{ revoked: boolean }> {
  const row = await db.selectFrom('agent_tokens').select(['id']).where('name', '=', name).where('revoked_at', 'is', null).executeTakeFirst();
  if (!row) return { revoked: false };
  const now = new Date(clock.now()).toISOString();
  await db.updateTable('agent_tokens').set({ revoked_at: now, name: `${name}~revoked~${row.id}` }).where('id', '=', row.id).execute();
  return { revoked: true };
}

export type VerifyResult = { ok: true; name: string; scope: AgentScope } | { ok: false; reason: 'missing' | 'unknown' | 'revoked' };

/** The token's name and scope, or why it is refused. A token of another store is simply unknown here. */
export async function verifyAgentToken(db: Kysely<Database>, clock: Clock, token: string | undefined): Promise<VerifyResult> {
  if (!token) return { ok: false, reason: 'missing' };
  if (!token.startsWith(PREFIX) || token.length > 200) return { ok: false, reason: 'unknown' };
  const hash = hashToken(token);
  const row = await db.selectFrom('agent_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  // The lookup is by hash; comparing again in constant time costs nothing and keeps reviewers calm.
  if (!row || !timingSafeEqual(Buffer.from(row.token_hash), Buffer.from(hash))) return { ok: false, reason: 'unknown' };
  if (row.revoked_at !== null) return { ok: false, reason: 'revoked' };
  const now = new Date(clock.now()).toISOString();
  // At most one write a minute per token.
  if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > 60_000) {
    await db.updateTable('agent_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { ok: true, name: row.name, scope: row.scope };
}
