// Table types for Kysely. The same schema runs on SQLite and PostgreSQL, so it sticks to types
// both treat alike: text ids (UUIDs made by the engine), integer money in minor units, decimal
// strings for supplier prices, 0/1 integers for booleans, ISO-8601 UTC text for timestamps (sorts
// as text), and JSON documents as text.

import type { OrderStatus } from '../orders/state-machine.js';

export interface ProductsTable {
  id: string;
  cj_pid: string;
  slug: string;
  /** active: listed; hidden: kept but not sold (hidden_reason says why); retired: pushed out by the cap. */
  status: 'active' | 'hidden' | 'retired';
  hidden_reason: string | null;
  title: string;
  description: string;
  title_en: string;
  description_en: string;
  /** 1 once an admin edited the text: scans and syncs never overwrite it again. */
  title_edited: number;
  description_edited: number;
  /** 1 once the owner edited the category or the tags in the console: scans keep them (0013). */
  category_edited: number;
  tags_edited: number;
  category: string;
  tags: string;
  images: string;
  seo_title: string;
  seo_description: string;
  currency: string;
  /** Shown price (VAT included) of the cheapest sellable variant, in minor units. */
  price_minor: number;
  price_override_minor: number | null;
  landed_minor: number;
  margin_minor: number;
  margin_pct: string;
  cost_usd: string;
  shipping_usd: string;
  logistic_name: string;
  delivery_min_days: number;
  delivery_max_days: number;
  fx_date: string;
  /** Ranking used for "featured" and to retire the weakest products first. */
  score: number;
  fingerprint: string;
  /** Lower-case, accent-free title + category + tags, for portable LIKE search. */
  search_text: string;
  listed_num: number;
  cj_category_id: string | null;
  /** Hash of the listV2 listing data; a change lets a rejected product be looked at again. */
  cj_listing_hash: string;
  /** Consecutive "not found" answers from CJ; hidden as delisted at 2. */
  not_found_count: number;
  created_at: string;
  updated_at: string;
  last_synced_at: string | null;
}

export interface VariantsTable {
  id: string;
  product_id: string;
  cj_vid: string;
  sku: string;
  /** JSON [{ name, value }] in the store's language. */
  options: string;
  cost_usd: string;
  price_minor: number;
  stock: number;
  /** JSON [{ countryCode, quantity }]. */
  stock_detail: string;
  on_sale: number;
  image: string | null;
  weight_grams: number;
  position: number;
  updated_at: string;
}

export interface PriceHistoryTable {
  id: string;
  product_id: string;
  variant_id: string | null;
  cost_usd: string;
  price_minor: number;
  currency: string;
  reason: string;
  created_at: string;
}

export interface ScanRunsTable {
  id: string;
  trigger: 'schedule' | 'api' | 'cli' | 'start';
  status: 'running' | 'finished' | 'failed';
  started_at: string;
  finished_at: string | null;
  /** JSON per-gate counts: { search: { in, out }, details: …, rejected: { gate: n } … }. */
  counts: string;
  cj_calls: number;
  cj_points: number;
  /** JSON [{ at, message }]. */
  errors: string;
  /** Why the run stopped early, e.g. "points budget reached". */
  note: string | null;
}

export interface SearchCursorsTable {
  keyword: string;
  next_page: number;
  total_pages: number | null;
  updated_at: string;
}

export interface RejectionsTable {
  cj_pid: string;
  gate: string;
  code: string;
  reason: string;
  listing_hash: string;
  rejected_at: string;
  times: number;
}

export interface TranslationsTable {
  key: string;
  provider: string;
  locale: string;
  kind: string;
  text: string;
  created_at: string;
}

export interface CjTokensTable {
  account_id: string;
  data: string;
  updated_at: string;
}

export interface AlertsTable {
  id: string;
  kind: string;
  severity: 'info' | 'warning' | 'critical';
  subject: string;
  message: string;
  data: string;
  dedupe_key: string;
  created_at: string;
  /** JSON { channel: "sent" | "failed: …" | "suppressed" }. */
  delivery: string;
  /** When and by whom (e.g. "owner", "agent:<name>") the alert was acknowledged; null while unread. */
  acknowledged_at: string | null;
  acknowledged_by: string | null;
}

export interface LeadsTable {
  id: string;
  name: string;
  email: string;
  source: string;
  consent: number;
  created_at: string;
}

export interface LocksTable {
  name: string;
  owner: string;
  expires_at: string;
}

export interface JobsTable {
  id: string;
  type: string;
  payload: string;
  /** At most one queued-or-running job per key (null = no de-duplication). */
  dedupe_key: string | null;
  status: 'queued' | 'running' | 'done' | 'dead';
  attempts: number;
  max_attempts: number;
  run_at: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface SchedulesTable {
  name: string;
  interval_ms: number;
  next_run_at: string;
  last_run_at: string | null;
}

export interface OrdersTable {
  id: string;
  number: string;
  status: OrderStatus;
  held_from: string | null;
  hold_reason: string | null;
  hold_detail: string | null;
  checkout_key: string;
  customer_name: string;
  customer_email: string;
  customer_phone: string | null;
  ship_country: string;
  ship_province: string;
  ship_city: string;
  ship_zip: string;
  ship_address1: string;
  ship_address2: string | null;
  tax_id: string | null;
  currency: string;
  items_minor: number;
  shipping_minor: number;
  total_minor: number;
  vat_minor: number;
  logistic_name: string;
  from_country: string;
  shipping_quote_usd: string;
  /** What CJ should charge us for the goods (sum of unit costs), USD. */
  cost_usd: string;
  payment_provider: string;
  payment_ref: string | null;
  paid_at: string | null;
  cj_order_id: string | null;
  cj_status: string | null;
  cj_amount_usd: string | null;
  cj_paid_at: string | null;
  /** When fulfilment last sent a create for this order to CJ (null: never, so CJ cannot hold it). */
  cj_submitted_at: string | null;
  track_number: string | null;
  tracking_url: string | null;
  logistic_status: number | null;
  /** The carrier's last status text from trackInfo (free text: informative only). */
  tracking_text: string | null;
  shipped_at: string | null;
  delivered_at: string | null;
  last_tracking_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrderLinesTable {
  id: string;
  order_id: string;
  line_no: number;
  product_id: string;
  variant_id: string;
  cj_pid: string;
  cj_vid: string;
  title: string;
  options: string;
  quantity: number;
  unit_price_minor: number;
  unit_cost_usd: string;
}

export interface OrderEventsTable {
  id: string;
  order_id: string;
  from_status: string | null;
  to_status: string;
  reason: string;
  actor: string;
  data: string;
  created_at: string;
}

export interface PaymentsTable {
  id: string;
  order_id: string;
  provider: string;
  provider_ref: string;
  kind: 'charge' | 'refund';
  amount_minor: number;
  currency: string;
  created_at: string;
}

export interface RefundsTable {
  id: string;
  order_id: string;
  request_key: string;
  provider: string;
  scope: 'full' | 'lines';
  lines: string;
  amount_minor: number;
  currency: string;
  status: 'requested' | 'done' | 'failed';
  provider_ref: string | null;
  note: string | null;
  actor: string;
  created_at: string;
  updated_at: string;
}

export interface InboxTable {
  id: string;
  source: 'cj' | 'stripe';
  type: string;
  payload: string;
  status: 'received' | 'processed' | 'failed' | 'ignored';
  received_at: string;
  processed_at: string | null;
  error: string | null;
}

export interface DisputesTable {
  id: string;
  order_id: string;
  /** An automatic rule, or a dispute the operator opened by hand (damaged, wrong_item, not_received). */
  rule: 'not_shipped' | 'tracking_silent' | 'not_delivered' | 'damaged' | 'wrong_item' | 'not_received';
  business_dispute_id: string;
  cj_dispute_id: string | null;
  status: 'opening' | 'open' | 'closed' | 'cancelled' | 'failed';
  cj_status: string | null;
  reason_id: number | null;
  message: string;
  created_at: string;
  updated_at: string;
}

export interface WebKeysTable {
  name: string;
  /** Hex of 32 random bytes. */
  value: string;
  created_at: string;
}

/** Every slug a product had (written by a trigger when the slug changes): old links answer 301. */
export interface SlugHistoryTable {
  slug: string;
  product_id: string;
  changed_at: string;
}

/** One row (id 1) whose version every write to products or variants bumps (triggers): caches key on it. */
export interface StorefrontVersionTable {
  id: number;
  /** bigint: PostgreSQL's driver returns it as a string. */
  version: number | string;
}

export interface AdminCredentialsTable {
  /** Always "owner": one owner per store. */
  id: string;
  /** scrypt$<log2 N>$<r>$<p>$<salt>$<hash> (see admin/auth/password-hash.ts). */
  password_hash: string;
  totp_secret: string | null;
  totp_enabled_at: string | null;
  totp_last_step: number | null;
  updated_at: string;
}

export interface AdminSessionsTable {
  /** SHA-256 of the session id in the cookie: a stolen database does not give live sessions. */
  id_hash: string;
  created_at: string;
  last_seen_at: string;
  /** Absolute expiry; idle expiry is last_seen_at + the idle limit. */
  expires_at: string;
  ip: string;
  user_agent: string;
}

export interface AdminLoginFailuresTable {
  /** "ip:<address>" or "store". */
  key: string;
  failures: number;
  first_failure_at: string;
  locked_until: string | null;
}

export interface CartsTable {
  id: string;
  checkout_key: string | null;
  order_id: string | null;
  /** JSON of the checkout form's last values (see storefront/cart). */
  details: string | null;
  created_at: string;
  touched_at: string;
}

export interface CartLinesTable {
  cart_id: string;
  variant_id: string;
  quantity: number;
  seen_price_minor: number;
  added_at: string;
}

/** An MCP agent token: only its SHA-256 is stored. */
export interface AgentTokensTable {
  id: string;
  name: string;
  scope: 'read' | 'operate';
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** What an actor did outside an order's timeline (order actions go to order_events). */
export interface AuditEventsTable {
  id: string;
  at: string;
  actor: string;
  action: string;
  subject: string;
  /** JSON object. */
  data: string;
}

export interface Database {
  products: ProductsTable;
  variants: VariantsTable;
  price_history: PriceHistoryTable;
  scan_runs: ScanRunsTable;
  search_cursors: SearchCursorsTable;
  rejections: RejectionsTable;
  translations: TranslationsTable;
  cj_tokens: CjTokensTable;
  alerts: AlertsTable;
  leads: LeadsTable;
  locks: LocksTable;
  jobs: JobsTable;
  schedules: SchedulesTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  order_events: OrderEventsTable;
  payments: PaymentsTable;
  inbox: InboxTable;
  disputes: DisputesTable;
  web_keys: WebKeysTable;
  slug_history: SlugHistoryTable;
  storefront_version: StorefrontVersionTable;
  admin_credentials: AdminCredentialsTable;
  admin_sessions: AdminSessionsTable;
  admin_login_failures: AdminLoginFailuresTable;
  carts: CartsTable;
  cart_lines: CartLinesTable;
  agent_tokens: AgentTokensTable;
  audit_events: AuditEventsTable;
  refunds: RefundsTable;
}
