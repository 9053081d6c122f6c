// Cookies of the HTML faces. Every cookie is httpOnly, signed with the store's key, `Secure` when the
// request came over TLS (directly or through a trusted proxy), and named after the store: stores on
// one host (a demo on localhost: cookies ignore the port) keep apart, and a cookie copied from
// another store fails its signature anyway.
import fastifyCookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StoreApp } from '../http/app-types.js';

export type CookieSameSite = 'lax' | 'strict';

export interface CookieSettings {
  sameSite: CookieSameSite;
  /** Seconds; omitted = a session cookie (gone when the browser closes). */
  maxAge?: number;
}

export function cookieName(storeId: string, purpose: string): string {
  return `lj_${storeId.replace(/[^A-Za-z0-9_-]/g, '_')}_${purpose}`;
}

export function cookieOptions(settings: CookieSettings) {
  return {
    path: '/',
    httpOnly: true,
    signed: true,
    secure: 'auto' as const,
    sameSite: settings.sameSite,
    ...(settings.maxAge !== undefined ? { maxAge: settings.maxAge } : {}),
  };
}

/** Registers cookie parsing and signing for the whole listener, with this store's key. */
export async function registerCookies(app: StoreApp, secret: string): Promise<void> {
  await app.register(fastifyCookie, { secret, hook: 'onRequest' });
}

/** The verified value of a signed cookie, or null when it is absent, tampered with or from another store. */
export function readSignedCookie(request: FastifyRequest, name: string): string | null {
  const raw = request.cookies[name];
  if (!raw) return null;
  const result = request.unsignCookie(raw);
  return result.valid ? result.value : null;
}

export function setSignedCookie(reply: FastifyReply, name: string, value: string, settings: CookieSettings): void {
  reply.setCookie(name, value, cookieOptions(settings));
}

export function clearCookie(reply: FastifyReply, name: string): void {
  reply.clearCookie(name, { path: '/' });
}
