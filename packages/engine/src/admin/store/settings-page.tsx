// Settings: the store's effective configuration, read-only, every secret masked, with the file it
// came from (src/stores/config-summary.ts). Shown as one line per setting ("pricing.fx.rate").
import type { ConfigSummary } from '../../stores/config-summary.js';
import { AdminLayout } from '../layout.js';
import { Facts } from '../kit/components.js';
import type { PageFrame } from '../kit/page-kit.js';

/** Nested settings as [path, value] lines; arrays of plain values stay on one line. */
export function flattenSettings(value: unknown, prefix = ''): Array<[string, string]> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return [[prefix, '{}']];
    return entries.flatMap(([k, v]) => flattenSettings(v, prefix ? `${prefix}.${k}` : k));
  }
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return [[prefix, value.length === 0 ? '[]' : value.map(String).join(', ')]];
    return value.flatMap((v, i) => flattenSettings(v, `${prefix}[${i}]`));
  }
  return [[prefix, value === undefined ? '' : String(value)]];
}

export function SettingsPage({ frame, summary }: { frame: PageFrame; summary: ConfigSummary | null }) {
  const m = frame.view.messages.admin.store.settings;
  const k = frame.view.messages.admin.kit;
  return (
    <AdminLayout view={frame.view} title={m.title} current="settings" csrf={frame.csrf} flash={frame.flash}>
      <h1>{m.title}</h1>
      {!summary ? (
        <p>{m.missing}</p>
      ) : (
        <>
          <p>{m.masked}</p>
          <Facts
            items={[
              [m.file, summary.file],
              [m.secretsFile, summary.secretsFile ?? k.none],
              [m.supplier, `${summary.supplier.simulated ? m.simulated : 'CJ'} · ${summary.supplier.baseUrl}`],
              [m.database, summary.database],
            ]}
          />
          <h2>{m.secrets}</h2>
          <div class="table-wrap" tabIndex={0} role="region" aria-label={m.secrets}>
            <table>
              <tbody>
                {summary.secrets.map((s) => (
                  <tr key={s.key}>
                    <th scope="row">{s.key}</th>
                    <td class="wrap">{s.set ? m.secretSet(s.source ?? '') : m.secretUnset}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{m.config}</h2>
          <div class="table-wrap" tabIndex={0} role="region" aria-label={m.config}>
            <table>
              <tbody>
                {flattenSettings(summary.config).map(([path, value]) => (
                  <tr key={path}>
                    <th scope="row" class="wrap">
                      {path}
                    </th>
                    <td class="wrap">{value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </AdminLayout>
  );
}
