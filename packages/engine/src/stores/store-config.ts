// The complete store config: the base sections plus the sections owned by each area.
import { z } from 'zod';
import { baseStoreConfigShape } from './config-schema.js';

export const storeConfigSchema = z.object({ ...baseStoreConfigShape }).strict();

export type StoreConfigInput = z.input<typeof storeConfigSchema>;
export type StoreConfig = z.output<typeof storeConfigSchema>;

/** Store ids name files, database schemas and env vars, so they are kept simple. */
export const STORE_ID_PATTERN = /^[a-z][a-z0-9-]{0,30}$/;
