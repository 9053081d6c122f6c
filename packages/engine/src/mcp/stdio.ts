// The MCP server over stdio, for desktop assistants that start a command. It runs with the scope
// given on the command line (read unless told otherwise) and acts as "agent:<name>" (default
// "local"). stdout is the protocol's: the engine logs to stderr.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { agentActor } from '../audit/actor.js';
import type { AgentScope } from '../agents/agent-tokens.js';
import type { StoreRuntime } from '../runtime/store-runtime.js';
import { mcpBudgets } from './budgets.js';
import { createMcpServer } from './server.js';

export async function serveStdio(
  store: StoreRuntime,
  opts: { scope: AgentScope; name: string; version: string; stdin?: NodeJS.ReadableStream; stdout?: NodeJS.WritableStream },
): Promise<void> {
  const { ctx } = store;
  const server = createMcpServer(
    { ctx, catalog: store.catalogDeps, configFile: store.configFile, budgets: mcpBudgets(ctx) },
    { name: opts.name, scope: opts.scope, actor: agentActor(opts.name), budgetKey: `stdio:${opts.name}` },
    opts.version,
  );
  const transport = new StdioServerTransport(opts.stdin as never, opts.stdout as never);
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    (opts.stdin ?? process.stdin).once('end', () => resolve());
  });
  await server.connect(transport);
  ctx.log.info({ scope: opts.scope, agent: opts.name }, 'MCP server on stdio');
  await closed;
  await server.close();
}
