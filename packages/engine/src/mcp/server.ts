// One store's MCP server: its look and act tools, two resources (the configuration summary with
// secrets masked, the catalogue categories) and two prompts (a daily report, triage of held
// orders). Built per agent session over the store's own services; the same for stdio and HTTP.
// Prompt templates and tool descriptions are our own text only: nothing from CJ or customers is
// ever put into them.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { listCategories } from '../catalog/catalog-repository.js';
import { configSummary } from '../stores/config-summary.js';
import { registerActTools } from './act-tools.js';
import { registerLookTools } from './look-tools.js';
import { DATA_NOTE, type AgentSession, type McpDeps } from './tool-kit.js';

export const MCP_SERVER_NAME = 'lojista';

export function createMcpServer(deps: McpDeps, session: AgentSession, version: string): McpServer {
  const { ctx } = deps;
  const pt = ctx.config.locale.startsWith('pt');
  const server = new McpServer(
    { name: MCP_SERVER_NAME, title: `lojista — ${ctx.config.name}`, version },
    {
      capabilities: { tools: {}, resources: {}, prompts: {} },
      instructions:
        `This server runs the dropshipping store "${ctx.id}" (${ctx.config.locale}, ${ctx.config.currency})${ctx.supplier.simulated ? ' on the CJ SIMULATOR (nothing is really bought)' : ''}. ` +
        `Token "${session.name}" has the ${session.scope} scope. Start with store_overview. Money is in minor units of the store currency (1299 = 12.99) or USD decimal strings. ` +
        'No tool creates or pays a CJ order: orders come only from customers. ' +
        DATA_NOTE,
    },
  );
  registerLookTools(server, deps, session);
  registerActTools(server, deps, session);

  server.registerResource(
    'configuration',
    'lojista://store/configuration',
    { title: 'Store configuration', description: "The store's effective configuration with every secret masked, and the file it came from.", mimeType: 'application/json' },
    async (uri) => ({ contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(configSummary(ctx, deps.configFile), null, 2) }] }),
  );
  server.registerResource(
    'categories',
    'lojista://store/categories',
    { title: 'Catalogue categories', description: 'The categories of products on sale, with their counts.', mimeType: 'application/json' },
    async (uri) => ({ contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify({ items: await listCategories(ctx) }, null, 2) }] }),
  );

  const language = pt ? 'European Portuguese (pt-PT)' : 'English';
  server.registerPrompt(
    'daily_report',
    { title: 'Daily report', description: "The store's day: figures, what needs attention, and what to do about it." },
    () =>
      userMessage(
        `Write today's report for the store "${ctx.config.name}" in ${language}. Call store_overview first; then, for each item that needs attention, ` +
          'look it up (held_orders, get_order, list_alerts, list_disputes) and say in one line what happened and the one action you recommend. ' +
          'Give revenue, CJ cost and margin for today, 7 and 30 days (money arrives in minor units: divide by 100). ' +
          `Do not act without being asked. ${DATA_NOTE}`,
      ),
  );
  server.registerPrompt(
    'triage_held_orders',
    { title: 'Triage held orders', description: 'Why each held order is held and what would release it.' },
    () =>
      userMessage(
        `In ${language}: call held_orders, and for each order give its number, its hold reason and detail, and the next step: ` +
          'insufficient_balance → check cj_balance against what unpaid orders need, and retry_held_order once the CJ balance covers it; ' +
          'out_of_stock or address_rejected → suggest cancel_order (before CJ is paid) and contacting the customer; supplier_error → retry_held_order once. ' +
          `Ask before any retry or cancellation. ${DATA_NOTE}`,
      ),
  );
  return server;
}

/** A prompt's text as the one user message MCP clients expect. */
function userMessage(text: string) {
  return { messages: [{ role: 'user' as const, content: { type: 'text' as const, text } }] };
}
