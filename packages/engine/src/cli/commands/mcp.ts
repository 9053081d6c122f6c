// `lojista mcp --store X [--scope read|operate] [--name N]`: the store's MCP server on stdio, and
// `lojista agent-token create|list|revoke`: the tokens an assistant presents at /mcp.
import { AGENT_NAME_PATTERN, createAgentToken, listAgentTokens, revokeAgentToken, type AgentScope } from '../../agents/agent-tokens.js';
import { publicBaseUrl } from '../../storefront/public-url.js';
import type { CliEnv } from '../env.js';
import { CliError, EXIT } from '../exit-codes.js';
import { withStore } from '../open-store.js';

export async function mcpStdio(env: CliEnv, opts: { store: string; scope: AgentScope; name: string }): Promise<void> {
  if (!AGENT_NAME_PATTERN.test(opts.name)) throw new CliError('--name must be lower-case letters, digits, ".", "_" or "-"', EXIT.usage);
  // Loaded here, not with the CLI: the MCP SDK (and the zod 3 it brings) is ~2 MiB of heap that
  // `lojista serve` and every other command would otherwise carry.
  const { serveStdio } = await import('../../mcp/stdio.js');
  await withStore(env, opts.store, { needsCj: true }, (store) => serveStdio(store, { scope: opts.scope, name: opts.name, version: env.version }));
}

export async function agentTokenCreate(env: CliEnv, opts: { store: string; name: string; scope: AgentScope }) {
  return withStore(env, opts.store, { needsCj: false }, async (store) => {
    const r = await createAgentToken(store.ctx.db, store.ctx.clock, { name: opts.name, scope: opts.scope });
    if (!r.ok) throw new CliError(r.message, EXIT.usage);
    console.error('Keep this token secret: it is shown once and only its hash is stored.');
    return { store: opts.store, name: r.info.name, scope: r.info.scope, token: r.token, mcpUrl: `${publicBaseUrl(store.ctx.config)}/mcp` };
  });
}

export async function agentTokenList(env: CliEnv, opts: { store: string }) {
  return withStore(env, opts.store, { needsCj: false }, async (store) => ({ store: opts.store, tokens: await listAgentTokens(store.ctx.db) }));
}

export async function agentTokenRevoke(env: CliEnv, opts: { store: string; name: string }) {
  return withStore(env, opts.store, { needsCj: false }, async (store) => {
    const r = await revokeAgentToken(store.ctx.db, store.ctx.clock, opts.name);
    if (!r.revoked) throw new CliError(`no active token named "${opts.name}" in ${opts.store}`, EXIT.usage);
    return { store: opts.store, name: opts.name, revoked: true };
  });
}
