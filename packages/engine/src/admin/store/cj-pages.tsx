// The CJ account (balance, QPS level, token expiry, webhooks on/off) and the tracking lookup.
import type { CjAccountSummary } from '../../supplier/cj-account.js';
import { CsrfField } from '../../web/csrf.js';
import { AdminLayout } from '../layout.js';
import { ActionForm, Facts } from '../kit/components.js';
import type { PageFrame } from '../kit/page-kit.js';
import { pageFormat } from './page-format.js';
import type { StorePaths } from './store-paths.js';
import type { TrackingLookup } from './tracking-lookup.js';

export function CjAccountPage({ frame, paths, summary, webhooksOn, defaultUrl, error }: { frame: PageFrame; paths: StorePaths; summary: CjAccountSummary; webhooksOn: boolean | null; defaultUrl: string; error?: string }) {
  const m = frame.view.messages.admin.store.cj;
  const f = pageFormat(frame);
  const { balance, settings, token } = summary;
  return (
    <AdminLayout view={frame.view} title={m.title} current="cjAccount" csrf={frame.csrf} flash={frame.flash}>
      <h1>{m.title}</h1>
      <p>
        <span class={summary.simulated ? 'badge badge-warn' : 'badge'}>{summary.simulated ? m.simulated : m.real}</span>
      </p>
      <Facts
        items={[
          [m.balance, balance.ok ? `${balance.value.amount ?? '0'} USD` : m.unavailable(balance.error)],
          [m.frozen, balance.ok ? `${balance.value.freezeAmount ?? '0'} USD` : '—'],
          [m.qps, settings.ok ? `${settings.value.qpsLimit ?? '?'} · ${m.qpsConfigured(summary.configuredQps)}` : m.unavailable(settings.error)],
          [m.level, settings.ok ? (settings.value.root ?? '—') : '—'],
          [m.token, f.date(token.accessTokenExpiresAt, m.tokenUnknown)],
          [m.refreshToken, f.date(token.refreshTokenExpiresAt, m.tokenUnknown)],
          [m.webhooks, webhooksOn === null ? '—' : webhooksOn ? m.webhooksOn : m.webhooksOff],
        ]}
      />
      <h2 id="webhooks">{m.webhooks}</h2>
      <form method="post" action={paths.cjWebhooks} class="panel" aria-labelledby="webhooks">
        <CsrfField token={frame.csrf} />
        {error && (
          <p class="notice notice-error" role="alert">
            {error}
          </p>
        )}
        <input type="hidden" name="action" value="enable" />
        <div class="field">
          <label for="w-url">{m.webhookUrl}</label>
          <input id="w-url" name="url" type="text" inputMode="url" required maxLength={300} value={defaultUrl} aria-describedby="w-url-hint" />
          <p class="hint" id="w-url-hint">
            {m.webhookUrlHint}
          </p>
        </div>
        <button class="btn" type="submit">
          {m.enable}
        </button>
      </form>
      {webhooksOn !== false && <ActionForm csrf={frame.csrf} action={paths.cjWebhooks} label={m.disable} fields={{ action: 'disable' }} danger />}
      <p>
        <a href={paths.tracking}>{m.trackingLink}</a>
      </p>
    </AdminLayout>
  );
}

export function TrackingPage({ frame, paths, result }: { frame: PageFrame; paths: StorePaths; result: TrackingLookup | null }) {
  const m = frame.view.messages.admin.store.tracking;
  return (
    <AdminLayout view={frame.view} title={m.title} current="cjAccount" csrf={frame.csrf} flash={frame.flash}>
      <p>
        <a href={paths.cj}>{frame.view.messages.admin.store.cj.title}</a>
      </p>
      <h1>{m.title}</h1>
      <form method="get" action={paths.tracking} class="filters" role="search">
        <div class="field">
          <label for="t-q">{m.label}</label>
          <input id="t-q" name="q" type="search" required maxLength={64} value={result?.query ?? ''} aria-describedby="t-q-hint" />
          <p class="hint" id="t-q-hint">
            {m.hint}
          </p>
        </div>
        <button class="btn" type="submit">
          {m.submit}
        </button>
      </form>
      {result && (
        <section class="panel" aria-labelledby="t-result">
          <h2 id="t-result">{m.cjAnswer}</h2>
          {result.order ? (
            <p>
              {m.order}: {result.order.number} · {result.order.status}
            </p>
          ) : (
            <p>{m.notFound}</p>
          )}
          {result.trackNumber === null ? (
            <p>{m.noTracking}</p>
          ) : (
            <p>
              {m.number}: {result.trackNumber}
            </p>
          )}
          {result.error && (
            <p class="notice notice-error" role="alert">
              {result.error}
            </p>
          )}
          {result.info && result.info.length === 0 && <p>{m.cjNothing}</p>}
          {(result.info ?? []).map((t) => (
            <Facts
              key={t.trackingNumber}
              items={[
                [m.facts.carrier, t.logisticName ?? '—'],
                [m.facts.from, t.trackingFrom ?? '—'],
                [m.facts.to, t.trackingTo ?? '—'],
                [m.facts.status, t.trackingStatus ?? '—'],
                [m.facts.days, t.deliveryDay === undefined ? '—' : String(t.deliveryDay)],
                [m.facts.lastMile, [t.lastMileCarrier, t.lastTrackNumber].filter(Boolean).join(' · ') || '—'],
              ]}
            />
          ))}
        </section>
      )}
    </AdminLayout>
  );
}
