import { type CallOptions, type Execute, defineEndpoint } from '../endpoint.js';
import { type CjSettings, settingsData } from '../schemas/misc.js';

export const settingEndpoints = {
  get: defineEndpoint<CjSettings>({ path: '/setting/get', method: 'GET', idempotent: true, auth: true, data: settingsData }),
} as const;

export class SettingApi {
  constructor(private readonly execute: Execute) {}

  /** The account's settings, including its real QPS limit and quotas. */
  get(call?: CallOptions): Promise<CjSettings> {
    return this.execute(settingEndpoints.get, {}, call);
  }
}
