import { z } from 'zod';

/**
 * What the client persists per account. Times are epoch ms. `lastGetAccessTokenAt` is written
 * *before* each getAccessToken request leaves, so the 5-minute rule survives a crash or restart
 * in the middle of the call.
 */
export interface CjTokenRecord {
  /** CJ's openId (a Long) as a string; also the webhook signing key. */
  openId?: string | undefined;
  accessToken?: string | undefined;
  accessTokenExpiresAt?: number | undefined;
  refreshToken?: string | undefined;
  refreshTokenExpiresAt?: number | undefined;
  /** When getAccessToken was last attempted for this account. */
  lastGetAccessTokenAt?: number | undefined;
  /** refreshAccessToken attempts within the last minute (CJ allows 5/min). */
  refreshAttempts?: number[] | undefined;
}

/**
 * Persistence for tokens, one record per account id. Implementations must make `save` atomic (a
 * reader sees the old record or the new one, never a mix). A store shared by several processes
 * (a file on one host, a database row) extends the 5-minute rule to all of them.
 */
export interface TokenStore {
  load(accountId: string): Promise<CjTokenRecord | undefined>;
  save(accountId: string, record: CjTokenRecord): Promise<void>;
}

/** Validates records read back from storage (files can be edited by hand or truncated). */
export const tokenRecordSchema = z.object({
  openId: z.string().optional(),
  accessToken: z.string().optional(),
  accessTokenExpiresAt: z.number().optional(),
  refreshToken: z.string().optional(),
  refreshTokenExpiresAt: z.number().optional(),
  lastGetAccessTokenAt: z.number().optional(),
  refreshAttempts: z.array(z.number()).optional(),
});
