// The MCP server over Streamable HTTP at /mcp on the store's own listener (stateless: each request
// carries its agent token and gets a fresh server over the store's services). The token is checked
// before the body is read: without one of this store's agent tokens, nothing else answers.
// The MCP SDK and the tools load on the first authenticated request, not at start: a store no
// assistant talks to does not keep them in memory (issue 11).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { agentActor } from '../audit/actor.js';
import { verifyAgentToken } from '../agents/agent-tokens.js';
import type { ScanDeps } from '../catalog/scanner.js';
import type { StoreApp } from '../http/app-types.js';
import { bearerToken } from '../http/auth.js';
import type { StoreContext } from '../stores/context.js';
import { mcpBudgets } from './budgets.js';
import type { AgentSession, McpDeps } from './tool-kit.js';

export const MCP_PATH = '/mcp';

export function mcpRoutes(ctx: StoreContext, opts: { catalog: ScanDeps; configFile: string; version: string }) {
  const deps: McpDeps = { ctx, catalog: opts.catalog, configFile: opts.configFile, budgets: mcpBudgets(ctx) };
  const sessions = new WeakMap<FastifyRequest, AgentSession>();

  const authenticate = async (request: FastifyRequest, reply: FastifyReply) => {
    const verified = await verifyAgentToken(ctx.db, ctx.clock, bearerToken(request));
    if (!verified.ok) {
      const message =
        verified.reason === 'missing'
          ? `send "Authorization: Bearer <agent token>"; create one with: lojista agent-token create --store ${ctx.id} --name <name> --scope read|operate`
          : verified.reason === 'revoked'
            ? 'this agent token was revoked'
            : `this is not an agent token of store "${ctx.id}"`;
      return reply.status(401).header('www-authenticate', 'Bearer realm="lojista-mcp"').send({ error: { code: 'unauthorized', message } });
    }
    sessions.set(request, { name: verified.name, scope: verified.scope, actor: agentActor(verified.name), budgetKey: `token:${verified.name}` });
  };

  return (app: StoreApp) => {
    if (!ctx.config.mcp.http) return;
    app.route({
      method: ['GET', 'POST', 'DELETE'],
      url: MCP_PATH,
      schema: { hide: true },
      onRequest: authenticate,
      handler: async (request, reply) => {
        // Stateless: no server-initiated stream to open (GET) and no session to end (DELETE).
        if (request.method !== 'POST') {
          return reply.status(405).header('allow', 'POST').send({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed: this MCP server is stateless; send requests with POST' }, id: null });
        }
        const session = sessions.get(request)!;
        const [{ createMcpServer }, { StreamableHTTPServerTransport }] = await Promise.all([import('./server.js'), import('@modelcontextprotocol/sdk/server/streamableHttp.js')]);
        const server = createMcpServer(deps, session, opts.version);
        const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
        reply.hijack();
        reply.raw.setHeader('x-lojista-store', ctx.id);
        reply.raw.on('close', () => {
          void transport.close();
          void server.close();
        });
        try {
          await server.connect(transport);
          await transport.handleRequest(request.raw, reply.raw, request.body);
        } catch (err) {
          ctx.log.error({ err }, 'MCP request failed');
          if (!reply.raw.headersSent) {
            reply.raw.writeHead(500, { 'content-type': 'application/json' });
            reply.raw.end(JSON.stringify({ error: { code: 'internal', message: 'internal error' } }));
          }
        }
      },
    });
  };
}
