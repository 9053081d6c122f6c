// The per-token budgets of one store's MCP server, from its `mcp` settings.
import { TokenBudget } from '../agents/token-budget.js';
import type { StoreContext } from '../stores/context.js';
import type { McpDeps } from './tool-kit.js';

export function mcpBudgets(ctx: StoreContext): McpDeps['budgets'] {
  const { rateLimit, cjRateLimit } = ctx.config.mcp;
  return { calls: new TokenBudget(ctx.clock, rateLimit.max, rateLimit.window), cj: new TokenBudget(ctx.clock, cjRateLimit.max, cjRateLimit.window) };
}
