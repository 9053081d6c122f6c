// The commented store config written by `lojista init`; stores/example.yaml is this template with
// the example values (a test keeps the two identical and checks that it loads).

export interface TemplateValues {
  name: string;
  port: number;
  locale: string;
  currency: string;
  country: string;
  keywords: string[];
  fxRate: string;
  fxDate: string;
}

const q = (s: string) => JSON.stringify(s);

export function storeConfigYaml(v: TemplateValues): string {
  return `# lojista store config. The file name (without .yaml) is the store id.
# Secrets never go here: set them as environment variables (LOJISTA_<STORE>_CJ_API_KEY,
# LOJISTA_<STORE>_ADMIN_TOKEN, …) or in <store>.secrets.json next to this file, mode 0600.
# Every key below except name, http.port, niche.keywords and pricing.fx has a default; delete what
# you do not need to change. Money and rates are quoted decimal strings ("2.5"), never floats.

name: ${q(v.name)}
locale: ${v.locale}            # store language (the offline translator speaks pt-PT)
currency: ${v.currency}             # ISO 4217, must equal pricing.currency
mainCountry: ${v.country}            # freight and delivery days are judged for this country
timezone: Europe/Lisbon    # IANA time zone of dates on pages and daily figures

http:
  port: ${v.port}                # each store has its own port
  host: 127.0.0.1           # put nginx in front; never expose 0.0.0.0 without it
  corsOrigins: []           # storefront origins allowed to call the API, e.g. ["https://astralmia.pt"]
  # publicUrl: https://astralmia.pt   # the shop's public address: canonical links, sitemap.xml, social cards
  #                                   # (default: payments.storefrontUrl, else http://<host>:<port>)
  publicRateLimit:
    max: 120                # requests per window per client IP, for every route without its own budget
    window: 1m
  rateLimits:               # budgets per purpose, per client IP, each apart from the general one
    checkout:  { max: 20, window: 10m }   # checkout submissions
    tracking:  { max: 30, window: 10m }   # order tracking look-ups (number + email)
    search:    { max: 60, window: 1m }    # storefront search
    forms:     { max: 10, window: 10m }   # newsletter and contact forms
    login:     { max: 10, window: 1m }    # admin console login attempts (lockouts: see admin)

cj:
  qps: 1                    # your CJ level: Free 1, Plus 2, Prime 4, Advanced 6
  # baseUrl: http://127.0.0.1:8787/api2.0/v1   # a standalone cj-sim instead of CJ

niche:
  keywords:                 # English CJ search keywords; each scan pages further through them
${v.keywords.map((k) => `    - ${q(k)}`).join('\n')}
  categoryIds: []           # optional CJ category ids to search within

quality:
  minCostUsd: "0.50"
  maxCostUsd: "20"
  maxShippingUsd: "8"       # freight of one unit to mainCountry; unknown freight is always a rejection
  maxDeliveryDays: 20
  minWarehouseStock: 10
  requireImage: true
  # relevanceKeywords: [crystal, tarot, incense]   # whole words; default: the niche keywords
  # blockedWords: [...]                            # default: weapons, adult, counterfeits, regulated goods

pricing:
  currency: ${v.currency}
  fx:
    rate: ${q(v.fxRate)}             # ${v.currency} per 1 USD
    date: ${q(v.fxDate)}      # the day you took the rate; older than maxAgeDays warns
    maxAgeDays: 30
  vatRate: "0.23"           # included in shown prices (23% for Portugal)
  markup: "2.5"             # on landed cost (CJ cost + shipping, converted)
  minMarginPct: "40"        # hard floor, % of the net price; products below it are rejected
  retailCap: "49.99"        # rounded prices above it are rejected (null = no cap)

translation:
  provider: offline         # offline | deepl | openai (keys: LOJISTA_<STORE>_DEEPL_API_KEY / _OPENAI_API_KEY)
  locale: ${v.locale}

catalog:
  maxProducts: 200          # the weakest products are retired first beyond this
  pageSize: 50
  pagesPerKeyword: 1
  pointsBudgetPerScan: 20000   # CJ points per scan: listV2 50, product/query 10, freight 10
  featuredLimit: 12

schedules:
  catalogScan: 4h
  orderReconcile: 5m
  inventory: 2h
  disputes: 30m
  scanOnFirstStart: true

thresholds:
  lowStock: 5
  priceChangePct: 15

alerts:
  channels:
    - type: log
    # - type: telegram
    #   chatId: "123456789"   # bot token: LOJISTA_<STORE>_TELEGRAM_BOT_TOKEN
    # - type: webhook
    #   url: https://example.com/hooks/lojista
  dedupeWindow: 1h
  maxPerHour: 30

admin:                      # the console at /admin; password: lojista admin set-password --store <id>
  sessionIdle: 30m          # a session unused this long ends
  sessionMax: 12h           # no session lasts longer
  lockAfterFailures: 5      # failed logins from one address within lockWindow before it is locked out
  storeLockAfterFailures: 30   # failed logins from all addresses together before every login is locked
  lockWindow: 15m
  lockFor: 15m              # lojista admin unlock --store <id> lifts a lockout at once

branding:                   # how the storefront looks (the store's name is \`name\` above)
  tagline: ""               # under the name on the home page, and its meta description
  # logo: astralmia-logo.svg          # .svg or .png next to this file, shown instead of the name
  # accentColor: "#6b4fa0"            # buttons and links; text on it is kept readable (WCAG AA)
  # footerText: "ASTRALMIA, Lda · NIF 500000000 · Rua das Flores 1, Lisboa"   # in every footer
  social: {}                # https links: instagram, facebook, tiktok, pinterest, youtube, x
  #   instagram: https://instagram.com/astralmia
  homeSections: [hero, categories, featured, trust]   # in this order; also: newest
  # stylesheet: astralmia.css         # your own CSS after the base theme (default: <store id>.css here, if it exists)
`;
}

export const EXAMPLE_VALUES: TemplateValues = {
  name: 'ASTRALMIA',
  port: 4002,
  locale: 'pt-PT',
  currency: 'EUR',
  country: 'PT',
  keywords: ['amethyst', 'rose quartz', 'tarot cards', 'incense', 'singing bowl', 'chakra bracelet', 'scented candle'],
  fxRate: '0.92',
  fxDate: '2026-11-24',
};
