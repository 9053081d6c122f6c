// One CJ API call, start to finish, the same for every route:
//   route lookup (1600101 / 16900202) → token (1600002 / 1600001) → JSON body (16900203/4/5)
//   → the account's QPS window and daily quota (HTTP 429) → fault injection → handler
//   → the endpoint's envelope → ledger.
// Envelope errors are sent with HTTP 200, like CJ; only throttling uses HTTP 429.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Account } from './accounts.js';
import { errorEnvelope, qpsMessage, successEnvelope, throttleBody, type EnvelopeStyle } from './envelope.js';
import { CjError, Codes } from './errors.js';
import type { FaultRuleState } from './faults.js';
import { parseJson, toJson } from './json.js';
import { preciseNow } from './ledger.js';
import { Query, type RawQuery } from './params.js';
import type { Router } from './routes/index.js';
import type { RouteDef } from './routes/types.js';
import type { SimState } from './state.js';

export interface PipelineHost {
  state: SimState;
  router: Router;
  /** Base URL for absolute links when no publicUrl is configured. */
  baseFor(req: FastifyRequest): string;
  /** Sockets held open by the "timeout" fault, destroyed on close. */
  held: Set<Socket>;
}

interface Outcome {
  status: number | null;
  body: Record<string, unknown> | string | null;
  contentType: string;
  /** Destroy the connection instead of answering. */
  drop: boolean;
  /** Hold the connection without answering (timeout fault). */
  hold: number | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function json(status: number, body: Record<string, unknown>): Outcome {
  return { status, body, contentType: 'application/json;charset=UTF-8', drop: false, hold: null };
}

function faultOutcome(fault: FaultRuleState, envelope: EnvelopeStyle, requestId: string): Outcome | undefined {
  switch (fault.mode) {
    case 'error':
      return json(fault.httpStatus ?? 200, errorEnvelope(envelope, fault.code ?? Codes.systemBusy, fault.message ?? 'System busy, please contact CJ IT', requestId));
    case 'http-5xx': {
      const status = fault.httpStatus ?? 502;
      return { status, body: `<html><head><title>${status} Bad Gateway</title></head><body><center><h1>${status} Bad Gateway</h1></center><hr><center>nginx</center></body></html>`, contentType: 'text/html', drop: false, hold: null };
    }
    case 'non-json':
      return { status: 200, body: '{"code":200,"result":true,"message":"Success","data":{"pageSize":10,"conte', contentType: 'application/json;charset=UTF-8', drop: false, hold: null };
    case 'drop':
      return { status: null, body: null, contentType: '', drop: true, hold: null };
    case 'timeout':
      return { status: null, body: null, contentType: '', drop: false, hold: fault.latencyMs ?? 0 };
    default:
      return undefined; // latency and commit-then-drop let the handler run
  }
}

export async function handleApiCall(host: PipelineHost, req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  const state = host.state;
  const arrived = preciseNow();
  const requestId = randomUUID();
  const method = req.method;
  const path = `/${(req.params as Record<string, string>)['*'] ?? ''}`;
  let account: Account | undefined;
  let acceptedAt: number | undefined;
  let rateLimited = false;
  let fault: FaultRuleState | undefined;
  let committed = false;
  let route: RouteDef | undefined;
  let outcome: Outcome;

  try {
    const match = host.router.match(method, path);
    if (match.kind === 'unknown') throw new CjError(Codes.interfaceNotFound, 'Interface not found');
    if (match.kind === 'wrong-method') throw new CjError(Codes.methodNotSupported, `Request method '${method}' not supported`);
    route = match.route;

    if (route.auth === 'token') {
      const header = req.headers['cj-access-token'];
      const token = (Array.isArray(header) ? header[0] : header)?.trim();
      if (!token) throw new CjError(Codes.tokenEmpty, 'access token cannot be empty');
      account = state.accounts.authenticate(token);
    }

    let body: unknown;
    if (route.body === 'json') {
      const raw = typeof req.body === 'string' ? req.body : '';
      const contentType = req.headers['content-type'];
      if (raw.trim() !== '' && !/^application\/json\b/i.test(contentType ?? '')) {
        throw new CjError(Codes.contentTypeNotSupported, `Content type not supported[${contentType ?? 'application/octet-stream'}]`);
      }
      if (raw.trim() === '') throw new CjError(Codes.bodyMissing, 'Required request body is missing');
      try {
        body = parseJson(raw);
      } catch {
        throw new CjError(Codes.badJson, 'The request parameter is not in a correct JSON format');
      }
    }
    if (route.auth === 'none' && route.identify) account = route.identify(state, body);

    if (account) {
      acceptedAt = state.limiter.tryAcquire(account.openId, account.qps);
      if (acceptedAt === undefined) {
        rateLimited = true;
        throw new CjError(Codes.tooManyRequests, qpsMessage(account.qps), 429);
      }
      if (route.auth === 'token' && !state.quota.take(account.openId, path, state.clock.now())) {
        throw new CjError(Codes.quotaUsedUp, 'Quota has been used up', 429);
      }
    }

    const decision = state.faults.decide(path, method, account?.openId ?? null);
    if (decision.latencyMs > 0) await sleep(decision.latencyMs);
    fault = decision.fault;
    const early = fault ? faultOutcome(fault, route.envelope, requestId) : undefined;
    if (early) {
      outcome = early;
    } else {
      const data = await route.handler({ state, account, query: new Query((req.query ?? {}) as RawQuery), body, base: host.baseFor(req), requestId });
      committed = true;
      outcome = json(200, successEnvelope(route.envelope, data, requestId));
      if (fault?.mode === 'commit-then-drop') outcome = { ...outcome, drop: true };
    }
  } catch (err) {
    if (err instanceof CjError) {
      outcome = json(err.httpStatus, err.httpStatus === 429 ? throttleBody(err.code, err.message) : errorEnvelope(route?.envelope ?? 'standard', err.code, err.message, requestId));
    } else {
      console.error(`cj-sim: ${method} ${path} failed:`, err);
      outcome = json(200, errorEnvelope('standard', Codes.systemBusy, 'System busy, please contact CJ IT', requestId));
    }
    if (fault?.mode === 'commit-then-drop') outcome = { ...outcome, drop: true };
  }

  const code = typeof outcome.body === 'object' && outcome.body !== null && typeof outcome.body.code === 'number' ? outcome.body.code : null;
  state.ledger.record({
    kind: 'call',
    at: acceptedAt !== undefined ? performance.timeOrigin + acceptedAt : arrived,
    openId: account?.openId ?? null,
    method,
    path,
    status: outcome.drop || outcome.hold !== null ? null : outcome.status,
    code: outcome.drop || outcome.hold !== null ? null : code,
    // Any throttle answer counts: QPS, daily quota, getAccessToken cooldown, refresh limit.
    rateLimited: rateLimited || outcome.status === 429,
    fault: fault?.mode ?? null,
    committed,
    durationMs: preciseNow() - arrived,
    requestId,
  });

  void state.processDue();
  if (outcome.drop) {
    reply.hijack();
    req.raw.socket.destroy();
    return undefined;
  }
  if (outcome.hold !== null) {
    reply.hijack();
    const socket = req.raw.socket;
    host.held.add(socket);
    socket.once('close', () => host.held.delete(socket));
    if (outcome.hold > 0) setTimeout(() => socket.destroy(), outcome.hold).unref();
    return undefined;
  }
  const text = typeof outcome.body === 'string' ? outcome.body : toJson(outcome.body);
  return reply.code(outcome.status ?? 200).header('content-type', outcome.contentType).send(text);
}
