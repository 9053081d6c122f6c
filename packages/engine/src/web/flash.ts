// One-shot messages across a redirect (post → redirect → get): "Produto adicionado ao carrinho".
// Kept in a short-lived signed cookie, read and cleared by the next page.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clearCookie, cookieName, readSignedCookie, setSignedCookie } from './cookies.js';

export interface Flash {
  kind: 'success' | 'info' | 'error';
  message: string;
}

const MAX_MESSAGE = 300;

export function setFlash(reply: FastifyReply, storeId: string, flash: Flash): void {
  const value = JSON.stringify({ kind: flash.kind, message: flash.message.slice(0, MAX_MESSAGE) });
  setSignedCookie(reply, cookieName(storeId, 'flash'), value, { sameSite: 'lax', maxAge: 60 });
}

export function takeFlash(request: FastifyRequest, reply: FastifyReply, storeId: string): Flash | null {
  const name = cookieName(storeId, 'flash');
  const raw = readSignedCookie(request, name);
  if (request.cookies[name] !== undefined) clearCookie(reply, name);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<Flash>;
    if ((parsed.kind === 'success' || parsed.kind === 'info' || parsed.kind === 'error') && typeof parsed.message === 'string') {
      return { kind: parsed.kind, message: parsed.message };
    }
  } catch {
    // A cookie we signed always parses; anything else is dropped.
  }
  return null;
}
