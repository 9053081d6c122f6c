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
  trustedProxies: []        # behind nginx: its address, e.g. ["127.0.0.1"]; only these peers may set the
                            # client IP and https through X-Forwarded-For/-Proto (per-IP rate limits,
                            # Secure cookies); the same headers from anyone else are ignored
  trustProxy: false         # old form: true trusts X-Forwarded-* from ANY peer; use trustedProxies instead
  timeouts:                 # slow clients (slowloris, half-sent uploads, idle keep-alive)
    headers: 10s            # the request head must arrive within this
    request: 30s            # head and body must arrive within this
    idle: 30s               # an idle keep-alive connection is closed after this
  maxConnectionsPerIp: 32   # open connections per client address (trusted proxies exempt); 0 = no cap
  drainDelay: 2s            # on SIGTERM, /ready answers 503 this long before the listener closes
  bodyLimitBytes: 65536     # largest request body accepted
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
  timeoutMs: 15000          # one CJ call; a timeout is an unknown outcome, looked up before any retry
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
  allowHttpImages: false    # plain-http images; only the CJ simulator serves them (and switches this on itself)
  # allowedCategories: [Crystals, "Home Decor"]   # CJ category ids or names; default: every category
  # relevanceKeywords: [crystal, tarot, incense]   # whole words; default: the niche keywords
  # blockedWords: [...]                            # default: weapons, adult, counterfeits, regulated goods

pricing:
  currency: ${v.currency}
  fx:
    rate: ${q(v.fxRate)}             # ${v.currency} per 1 USD
    date: ${q(v.fxDate)}      # the day you took the rate; older than maxAgeDays warns
    # source: ECB reference rate   # where the rate came from, for you
    maxAgeDays: 30
  vatRate: "0.23"           # included in shown prices (23% for Portugal)
  markup: "2.5"             # on landed cost (CJ cost + shipping, converted)
  minMarginPct: "40"        # hard floor, % of the net price; products below it are rejected
  rounding:                 # psychological prices: within a band, prices are k × step − ending
    ending: "0.01"          # .99 endings; "0.10" gives .90
    bands:
      - { upTo: "10", step: "1" }   # 0.99 … 9.99
      - { upTo: "30", step: "5" }   # 14.99 … 29.99
      - { step: "10" }              # 39.99, 49.99 … (only the last band omits upTo)
  retailCap: "49.99"        # rounded prices above it are rejected (null = no cap)
  shippingMarkup: "1"       # on the landed shipping of a checkout's shipping line ("1" = at cost, plus VAT)

translation:
  provider: offline         # offline | deepl | openai (keys: LOJISTA_<STORE>_DEEPL_API_KEY / _OPENAI_API_KEY)
  locale: ${v.locale}
  timeoutMs: 15000          # one remote translation call
  fallback: offline         # when DeepL/OpenAI fail: offline (the glossary answers) | none (the next scan retries)
  deepl:
    baseUrl: https://api-free.deepl.com   # paid keys: https://api.deepl.com
    formality: default      # default | more | less | prefer_more | prefer_less
  openai:
    baseUrl: https://api.openai.com/v1    # any OpenAI-compatible server
    model: gpt-4o-mini
  # glossary:               # your words win over the built-in glossary (default: none)
  #   moldavite: Moldavite
  #   shungite: { pt: Shungite, kind: stone, gender: f, plural: Shungites }

enrich:
  maxImages: 10             # product images kept
  maxTags: 10
  slugMaxLength: 80
  seo:
    titleMax: 60            # search engines show about 60 characters of a title
    metaMax: 155            # … and about 155 of a description
    appendStoreName: true   # " | <store name>" after the SEO title when it fits
  categoryMap:              # first rule with a keyword in the English title, else first with a matching CJ category
    fallback: Artefactos    # the category when no rule matches
    # rules:                # replaces the built-in esoteric rules entirely (order matters)
    #   - category: Cristais
    #     keywords: [crystal, quartz, amethyst]   # whole words of the English title (plural -s/-es too)
    #     cjCategories: [crystals, gemstones]     # whole words of CJ's category name

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

jobs:
  lanes:                    # jobs run at once per kind and engine process; one kind never starves another
    webhooks: 2             # CJ/Stripe webhooks from the inbox (a stock-out hides the product here)
    fulfilment: 2           # paid orders to CJ, order reconciliation
    sync: 1                 # inventory sync, dispute checks
    scan: 1                 # catalogue scans
    other: 1                # backups, cart clean-up

checkout:
  shipsTo: []               # ISO-2 countries you ship to, e.g. [PT, ES]; empty = mainCountry only
  maxDeliveryDays: 25       # the cheapest shipping option that arrives within this many days is chosen
  maxLines: 20              # lines per order
  maxQuantityPerLine: 10
  paymentTimeout: 24h       # unpaid orders are cancelled after this
  # orderPrefix: ASTRAL     # order numbers (CJ's orderNumber) start with it; default: the store id in capitals

payments:
  provider: demo            # demo (simulated supplier only: orders count as paid) | stripe | manual (bank transfer)
  # storefrontUrl: https://astralmia.pt   # public address of the shop; required for stripe: customers return there
  stripe:                   # keys: LOJISTA_<STORE>_STRIPE_SECRET_KEY and _STRIPE_WEBHOOK_SECRET
    apiBase: https://api.stripe.com
    # successPath: /obrigado   # after paying (?order=…&session_id=… appended); default: the order page,
    #                          # /encomenda/<number> (/order/<number> in en)
    # cancelPath: /cesto       # an abandoned payment page returns here; default: the cart, /carrinho
    #                          # (/cart in en), left intact
    sessionTtlMinutes: 60   # 30–1440; the order expires with its payment page
    timeoutMs: 15000
    maxNetworkRetries: 2    # same idempotency key, so never a second session
  # manual:                 # provider manual: customers transfer; you mark orders paid in the admin
  #   iban: PT50 0002 0123 1234 5678 9015 4   # required for manual
  #   accountHolder: ASTRALMIA Lda            # required for manual
  #   bankName: Banco Exemplo
  #   instructionsTemplate: "Transfer {amount} to {iban} ({accountHolder}), reference {reference}."

cjWebhooks:
  requireSignature: true    # refuse CJ webhooks without a valid sign header; off only for an account CJ does not sign

disputes:
  enabled: true             # open disputes at CJ by themselves (one per rule and order)
  rules:
    notShippedDays: 7       # not shipped this many days after it was paid at CJ
    trackingSilentDays: 15  # shipped, but no tracking news for this many days
    notDeliveredDays: 45    # shipped this many days ago and still not delivered
  # countryOverrides:       # per destination country (default: none)
  #   BR: { notShippedDays: 10, trackingSilentDays: 20, notDeliveredDays: 70 }
  expectType: 1             # ask CJ for: 1 a refund, 2 a reissue
  refundType: 1             # refund to: 1 the CJ balance, 2 the original payment

alerts:
  channels:
    - type: log
    # - type: telegram
    #   chatId: "123456789"   # bot token: LOJISTA_<STORE>_TELEGRAM_BOT_TOKEN
    #   apiBase: https://api.telegram.org   # only for a proxy
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

backups:                    # online copies of the store's database (see "Backups" in the engine README)
  enabled: true             # on a schedule; \`lojista backup\` works either way
  every: 6h
  keep: 28                  # newest complete backups kept (28 × 6 h = a week); older ones are deleted
  # dir: /var/backups/lojista   # default: <data dir>/backups; each store in <dir>/<store id>/

mcp:                        # the AI assistant's face (MCP); tokens: lojista agent-token create --store <id>
  http: true                # serve it at /mcp on this store's port (\`lojista mcp --store <id>\` works either way)
  rateLimit: { max: 60, window: 1m }     # tool calls per agent token
  cjRateLimit: { max: 20, window: 1m }   # of those, calls that spend CJ's budget (fulfilment always goes first)
cache:                      # CJ answers reused: in memory, or in Redis when REDIS_URL is set (scale runtime)
  freightTtl: 1h            # freight quotes per route, variant and quantity (checkout, shipping quote); 0s = off
  productTtl: 1h            # CJ product details in the admin's CJ window; 0s = off
  maxEntries: 10000         # entries kept in memory per store
                            # a CJ webhook or the inventory sync about a product drops its entries at once

branding:                   # how the storefront looks (the store's name is \`name\` above)
  tagline: ""               # under the name on the home page, and its meta description
  # logo: astralmia-logo.svg          # .svg or .png next to this file, shown instead of the name
  # accentColor: "#6b4fa0"            # buttons and links; text on it is kept readable (WCAG AA)
  # footerText: "ASTRALMIA, Lda · NIF 500000000 · Rua das Flores 1, Lisboa"   # in every footer
  # social:                 # https links, each optional (footer and structured data)
  #   instagram: https://instagram.com/astralmia
  #   facebook: https://facebook.com/astralmia
  #   tiktok: https://tiktok.com/@astralmia
  #   pinterest: https://pinterest.com/astralmia
  #   youtube: https://youtube.com/@astralmia
  #   x: https://x.com/astralmia
  homeSections: [hero, categories, featured, trust]   # in this order; also: newest
  # stylesheet: astralmia.css         # your own CSS after the base theme (default: <store id>.css here, if it exists)

# Who sells: named on the storefront's terms, privacy, returns and contact pages. Replace any of
# those pages with your own Markdown in stores/<id>/pages/ (termos.md, privacidade.md,
# devolucoes.md, envios.md, contacto.md — or terms.md, privacy.md, returns.md, shipping.md,
# contact.md); a first line "# Title" becomes the page title. Read when the store starts.
# contact:
#   email: ola@astralmia.pt
#   phone: "+351 912 345 678"
#   address: "Rua Augusta 10, 1100-048 Lisboa"
#   legalName: "Astralmia, Lda."
#   taxId: "PT123456789"
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
