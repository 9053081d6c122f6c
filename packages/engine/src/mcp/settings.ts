// A store's `mcp` section: the agent face. Tokens are made with `lojista agent-token create`; the
// budgets here are per token, on top of the store's CJ QPS (which fulfilment always has first).
import { z } from 'zod';
import { durationSchema } from '../stores/config-schema.js';

const budget = (max: number, window: string) =>
  z
    .object({ max: z.number().int().min(1).max(100_000).default(max), window: durationSchema(window) })
    .strict()
    .prefault({});

export const mcpSettingsSchema = z
  .object({
    /** Serve the MCP server (Streamable HTTP) at /mcp on the store's listener; stdio works either way. */
    http: z.boolean().default(true),
    /** Tool calls per agent token per window. */
    rateLimit: budget(60, '1m'),
    /** Of those, calls that spend CJ's budget (CJ search and product, balance, shipping quote, price preview, add product). */
    cjRateLimit: budget(20, '1m'),
  })
  .strict();

export type McpSettings = z.output<typeof mcpSettingsSchema>;
