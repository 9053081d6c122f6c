// The bad-input cases of the store API, as data: each names a request, the status it must get, and
// the error code and field it must carry. store-api.test.ts sends them and checks that nothing changed.
import type { CallOptions } from './http-helpers.js';

export interface Case {
  name: string;
  method: string;
  path: string;
  opts?: CallOptions;
  admin?: boolean;
  status: number;
  code: string;
  field?: string;
  message?: RegExp;
}

const long = (n: number) => 'x'.repeat(n);
const json = (value: unknown): CallOptions => ({ json: value });
export const lead = { name: 'Ana Silva', email: 'ana@example.pt', consent: true };
export const overLimit = JSON.stringify({ ...lead, name: long(70_000) });

/** The same three answers for every route that takes a JSON body. */
function bodyFormatCases(route: string, method: string, admin: boolean): Case[] {
  return [
    { name: `${method} ${route}: malformed JSON`, method, path: route, admin, opts: { raw: '{"name": ', contentType: 'application/json' }, status: 400, code: 'bad_request', field: 'body', message: /JSON/ },
    { name: `${method} ${route}: empty JSON body`, method, path: route, admin, opts: { raw: '', contentType: 'application/json' }, status: 400, code: 'bad_request', field: 'body' },
    { name: `${method} ${route}: JSON null`, method, path: route, admin, opts: { raw: 'null', contentType: 'application/json' }, status: 400, code: 'invalid_input', field: 'body' },
    { name: `${method} ${route}: JSON array`, method, path: route, admin, opts: { raw: '[]', contentType: 'application/json' }, status: 400, code: 'invalid_input', field: 'body' },
    { name: `${method} ${route}: no body at all`, method, path: route, admin, status: 400, code: 'invalid_input', field: 'body' },
    { name: `${method} ${route}: text/plain`, method, path: route, admin, opts: { raw: JSON.stringify(lead), contentType: 'text/plain' }, status: 415, code: 'unsupported_media_type', message: /application\/json/ },
    { name: `${method} ${route}: form-encoded`, method, path: route, admin, opts: { raw: 'name=Ana', contentType: 'application/x-www-form-urlencoded' }, status: 415, code: 'unsupported_media_type' },
    { name: `${method} ${route}: XML`, method, path: route, admin, opts: { raw: '<lead/>', contentType: 'application/xml' }, status: 415, code: 'unsupported_media_type' },
    { name: `${method} ${route}: body over the limit`, method, path: route, admin, opts: { raw: overLimit, contentType: 'application/json' }, status: 413, code: 'body_too_large', message: /65536 bytes/ },
  ];
}

export const CASES: Case[] = [
  // GET /api/catalog
  { name: 'catalog: page 0', method: 'GET', path: '/api/catalog?page=0', status: 400, code: 'invalid_input', field: 'querystring.page' },
  { name: 'catalog: page not a number', method: 'GET', path: '/api/catalog?page=abc', status: 400, code: 'invalid_input', field: 'querystring.page' },
  { name: 'catalog: page beyond 10000', method: 'GET', path: '/api/catalog?page=10001', status: 400, code: 'invalid_input', field: 'querystring.page' },
  { name: 'catalog: limit 0', method: 'GET', path: '/api/catalog?limit=0', status: 400, code: 'invalid_input', field: 'querystring.limit' },
  { name: 'catalog: limit 101', method: 'GET', path: '/api/catalog?limit=101', status: 400, code: 'invalid_input', field: 'querystring.limit' },
  { name: 'catalog: fractional limit', method: 'GET', path: '/api/catalog?limit=2.5', status: 400, code: 'invalid_input', field: 'querystring.limit' },
  { name: 'catalog: negative limit', method: 'GET', path: '/api/catalog?limit=-1', status: 400, code: 'invalid_input', field: 'querystring.limit' },
  { name: 'catalog: limit given twice', method: 'GET', path: '/api/catalog?limit=1&limit=2', status: 400, code: 'invalid_input', field: 'querystring.limit' },
  { name: 'catalog: unknown sort', method: 'GET', path: '/api/catalog?sort=cheapest', status: 400, code: 'invalid_input', field: 'querystring.sort', message: /price_asc/ },
  { name: 'catalog: unknown query key', method: 'GET', path: '/api/catalog?colour=red', status: 400, code: 'invalid_input', field: 'querystring.colour', message: /colour/ },
  { name: 'catalog: empty search', method: 'GET', path: '/api/catalog?search=', status: 400, code: 'invalid_input', field: 'querystring.search' },
  { name: 'catalog: search too long', method: 'GET', path: `/api/catalog?search=${long(101)}`, status: 400, code: 'invalid_input', field: 'querystring.search' },
  { name: 'catalog: category too long', method: 'GET', path: `/api/catalog?category=${long(81)}`, status: 400, code: 'invalid_input', field: 'querystring.category' },
  { name: 'catalog: NUL in the category', method: 'GET', path: '/api/catalog?category=Tarot%00', status: 400, code: 'invalid_input', field: 'querystring.category', message: /NUL/ },
  { name: 'catalog: NUL in the search', method: 'GET', path: '/api/catalog?search=lua%00', status: 400, code: 'invalid_input', field: 'querystring.search' },
  // GET /api/catalog/featured
  { name: 'featured: limit 0', method: 'GET', path: '/api/catalog/featured?limit=0', status: 400, code: 'invalid_input', field: 'querystring.limit' },
  { name: 'featured: limit 101', method: 'GET', path: '/api/catalog/featured?limit=101', status: 400, code: 'invalid_input', field: 'querystring.limit' },
  { name: 'featured: unknown query key', method: 'GET', path: '/api/catalog/featured?page=2', status: 400, code: 'invalid_input', field: 'querystring.page' },
  // GET /api/catalog/product/:idOrSlug
  { name: 'product: NUL in the id', method: 'GET', path: '/api/catalog/product/abc%00', status: 400, code: 'invalid_input', field: 'params.idOrSlug' },
  { name: 'product: id over the router limit', method: 'GET', path: `/api/catalog/product/${long(101)}`, status: 414, code: 'uri_too_long' },
  { name: 'product: broken %-escape', method: 'GET', path: '/api/catalog/product/%E0%A4%A', status: 400, code: 'invalid_url' },
  // Admin listings
  { name: 'admin catalog: unknown status', method: 'GET', path: '/api/admin/catalog?status=deleted', admin: true, status: 400, code: 'invalid_input', field: 'querystring.status' },
  { name: 'admin catalog: limit 500', method: 'GET', path: '/api/admin/catalog?limit=500', admin: true, status: 400, code: 'invalid_input', field: 'querystring.limit' },
  { name: 'admin catalog: unknown key', method: 'GET', path: '/api/admin/catalog?sort=price_asc', admin: true, status: 400, code: 'invalid_input', field: 'querystring.sort' },
  { name: 'scans: limit 0', method: 'GET', path: '/api/catalog/scans?limit=0', admin: true, status: 400, code: 'invalid_input', field: 'querystring.limit' },
  { name: 'scans: limit 101', method: 'GET', path: '/api/catalog/scans?limit=101', admin: true, status: 400, code: 'invalid_input', field: 'querystring.limit' },
  { name: 'scans: unknown key', method: 'GET', path: '/api/catalog/scans?offset=1', admin: true, status: 400, code: 'invalid_input', field: 'querystring.offset' },
  { name: 'scan run: id too long', method: 'GET', path: `/api/catalog/scans/${long(65)}`, admin: true, status: 400, code: 'invalid_input', field: 'params.id' },
  { name: 'leads: limit 0', method: 'GET', path: '/api/leads?limit=0', admin: true, status: 400, code: 'invalid_input', field: 'querystring.limit' },
  { name: 'leads: limit 501', method: 'GET', path: '/api/leads?limit=501', admin: true, status: 400, code: 'invalid_input', field: 'querystring.limit' },
  { name: 'leads: negative offset', method: 'GET', path: '/api/leads?offset=-1', admin: true, status: 400, code: 'invalid_input', field: 'querystring.offset' },
  { name: 'leads: offset not a number', method: 'GET', path: '/api/leads?offset=ten', admin: true, status: 400, code: 'invalid_input', field: 'querystring.offset' },
  { name: 'leads: unknown key', method: 'GET', path: '/api/leads?page=2', admin: true, status: 400, code: 'invalid_input', field: 'querystring.page' },
  { name: 'alerts: unknown kind', method: 'GET', path: '/api/alerts?kind=nope', admin: true, status: 400, code: 'invalid_input', field: 'querystring.kind' },
  { name: 'alerts: limit 0', method: 'GET', path: '/api/alerts?limit=0', admin: true, status: 400, code: 'invalid_input', field: 'querystring.limit' },
  // CJ proxy
  { name: 'cj products: no q', method: 'GET', path: '/api/cj/products', admin: true, status: 400, code: 'invalid_input', field: 'querystring.q' },
  { name: 'cj products: empty q', method: 'GET', path: '/api/cj/products?q=%20', admin: true, status: 400, code: 'invalid_input', field: 'querystring.q', message: /search keyword/ },
  { name: 'cj products: size 101', method: 'GET', path: '/api/cj/products?q=amethyst&size=101', admin: true, status: 400, code: 'invalid_input', field: 'querystring.size' },
  { name: 'cj products: page 0', method: 'GET', path: '/api/cj/products?q=amethyst&page=0', admin: true, status: 400, code: 'invalid_input', field: 'querystring.page' },
  { name: 'cj products: unknown key', method: 'GET', path: '/api/cj/products?q=amethyst&sort=asc', admin: true, status: 400, code: 'invalid_input', field: 'querystring.sort' },
  { name: 'cj product: pid too long', method: 'GET', path: `/api/cj/product/${long(65)}`, admin: true, status: 400, code: 'invalid_input', field: 'params.pid' },
  { name: 'cj stock: vid too long', method: 'GET', path: `/api/cj/stock/${long(65)}`, admin: true, status: 400, code: 'invalid_input', field: 'params.vid' },
  { name: 'cj freight: no vid', method: 'POST', path: '/api/cj/freight', admin: true, opts: json({}), status: 400, code: 'invalid_input', field: 'body.vid' },
  { name: 'cj freight: vid a number', method: 'POST', path: '/api/cj/freight', admin: true, opts: json({ vid: 42 }), status: 400, code: 'invalid_input', field: 'body.vid' },
  { name: 'cj freight: quantity 0', method: 'POST', path: '/api/cj/freight', admin: true, opts: json({ vid: 'v1', quantity: 0 }), status: 400, code: 'invalid_input', field: 'body.quantity' },
  { name: 'cj freight: quantity a string', method: 'POST', path: '/api/cj/freight', admin: true, opts: json({ vid: 'v1', quantity: '2' }), status: 400, code: 'invalid_input', field: 'body.quantity' },
  { name: 'cj freight: country not ISO-2', method: 'POST', path: '/api/cj/freight', admin: true, opts: json({ vid: 'v1', countryCode: 'Portugal' }), status: 400, code: 'invalid_input', field: 'body.countryCode', message: /ISO-2/ },
  { name: 'cj freight: unknown key', method: 'POST', path: '/api/cj/freight', admin: true, opts: json({ vid: 'v1', weight: 3 }), status: 400, code: 'invalid_input', field: 'body.weight' },
  ...bodyFormatCases('/api/cj/freight', 'POST', true),
  // Unknown routes and methods
  { name: 'unknown route', method: 'GET', path: '/api/nope', status: 404, code: 'not_found', message: /GET \/api\/nope/ },
  { name: 'unknown admin-looking route', method: 'GET', path: '/api/admin/secrets', status: 404, code: 'not_found' },
  { name: 'unknown method on a route', method: 'DELETE', path: '/api/catalog', status: 404, code: 'not_found', message: /DELETE \/api\/catalog/ },
  { name: 'PUT on leads', method: 'PUT', path: '/api/leads', opts: json(lead), status: 404, code: 'not_found' },
];

/** POST /api/leads: every rejection must leave the leads table as it was. */
export const LEAD_CASES: Case[] = [
  { name: 'lead: empty object', method: 'POST', path: '/api/leads', opts: json({}), status: 400, code: 'invalid_input', field: 'body.name' },
  { name: 'lead: no email', method: 'POST', path: '/api/leads', opts: json({ name: 'Ana', consent: true }), status: 400, code: 'invalid_input', field: 'body.email' },
  { name: 'lead: not an email', method: 'POST', path: '/api/leads', opts: json({ ...lead, email: 'ana-at-example' }), status: 400, code: 'invalid_input', field: 'body.email', message: /email/ },
  { name: 'lead: email a number', method: 'POST', path: '/api/leads', opts: json({ ...lead, email: 12 }), status: 400, code: 'invalid_input', field: 'body.email' },
  { name: 'lead: consent false', method: 'POST', path: '/api/leads', opts: json({ ...lead, consent: false }), status: 400, code: 'invalid_input', field: 'body.consent', message: /consent/ },
  { name: 'lead: consent missing', method: 'POST', path: '/api/leads', opts: json({ name: 'Ana', email: 'ana@example.pt' }), status: 400, code: 'invalid_input', field: 'body.consent' },
  { name: 'lead: consent "true" as a string', method: 'POST', path: '/api/leads', opts: json({ ...lead, consent: 'true' }), status: 400, code: 'invalid_input', field: 'body.consent' },
  { name: 'lead: name a number', method: 'POST', path: '/api/leads', opts: json({ ...lead, name: 42 }), status: 400, code: 'invalid_input', field: 'body.name' },
  { name: 'lead: blank name', method: 'POST', path: '/api/leads', opts: json({ ...lead, name: '   ' }), status: 400, code: 'invalid_input', field: 'body.name' },
  { name: 'lead: name too long', method: 'POST', path: '/api/leads', opts: json({ ...lead, name: long(121) }), status: 400, code: 'invalid_input', field: 'body.name' },
  { name: 'lead: NUL in the name', method: 'POST', path: '/api/leads', opts: json({ ...lead, name: 'Ana\u0000' }), status: 400, code: 'invalid_input', field: 'body.name', message: /NUL/ },
  { name: 'lead: empty source', method: 'POST', path: '/api/leads', opts: json({ ...lead, source: '' }), status: 400, code: 'invalid_input', field: 'body.source' },
  { name: 'lead: unknown key', method: 'POST', path: '/api/leads', opts: json({ ...lead, phone: '+351 912 345 678' }), status: 400, code: 'invalid_input', field: 'body.phone', message: /phone/ },
  ...bodyFormatCases('/api/leads', 'POST', false),
];

/** PATCH /api/catalog/product/:id (the path is filled with a real product id): nothing may change. */
export const PATCH_CASES: Case[] = ([
  { name: 'patch: empty object', method: 'PATCH', path: ':id', opts: json({}), status: 400, code: 'invalid_input', field: 'body', message: /at least one of/ },
  { name: 'patch: unknown status', method: 'PATCH', path: ':id', opts: json({ status: 'deleted' }), status: 400, code: 'invalid_input', field: 'body.status' },
  { name: 'patch: status retired is not the operator\'s', method: 'PATCH', path: ':id', opts: json({ status: 'retired' }), status: 400, code: 'invalid_input', field: 'body.status' },
  { name: 'patch: title too short', method: 'PATCH', path: ':id', opts: json({ title: 'ab' }), status: 400, code: 'invalid_input', field: 'body.title' },
  { name: 'patch: title too long', method: 'PATCH', path: ':id', opts: json({ title: long(201) }), status: 400, code: 'invalid_input', field: 'body.title' },
  { name: 'patch: title a number', method: 'PATCH', path: ':id', opts: json({ title: 12345 }), status: 400, code: 'invalid_input', field: 'body.title' },
  { name: 'patch: NUL in the title', method: 'PATCH', path: ':id', opts: json({ title: 'Vela\u0000 de Lua' }), status: 400, code: 'invalid_input', field: 'body.title' },
  { name: 'patch: empty description', method: 'PATCH', path: ':id', opts: json({ description: ' ' }), status: 400, code: 'invalid_input', field: 'body.description' },
  { name: 'patch: fractional price', method: 'PATCH', path: ':id', opts: json({ priceOverrideMinor: 1999.5 }), status: 400, code: 'invalid_input', field: 'body.priceOverrideMinor' },
  { name: 'patch: price as a string', method: 'PATCH', path: ':id', opts: json({ priceOverrideMinor: '1999' }), status: 400, code: 'invalid_input', field: 'body.priceOverrideMinor' },
  { name: 'patch: price 0', method: 'PATCH', path: ':id', opts: json({ priceOverrideMinor: 0 }), status: 400, code: 'invalid_input', field: 'body.priceOverrideMinor' },
  { name: 'patch: negative price', method: 'PATCH', path: ':id', opts: json({ priceOverrideMinor: -100 }), status: 400, code: 'invalid_input', field: 'body.priceOverrideMinor' },
  { name: 'patch: price below the margin floor', method: 'PATCH', path: ':id', opts: json({ priceOverrideMinor: 1 }), status: 422, code: 'below_margin_floor', field: 'body.priceOverrideMinor', message: /lowest allowed price is/ },
  { name: 'patch: a valid title with an unknown key', method: 'PATCH', path: ':id', opts: json({ title: 'Título Válido', colour: 'red' }), status: 400, code: 'invalid_input', field: 'body.colour' },
  { name: 'patch: a valid status with an invalid price', method: 'PATCH', path: ':id', opts: json({ status: 'hidden', priceOverrideMinor: 'cheap' }), status: 400, code: 'invalid_input', field: 'body.priceOverrideMinor' },
  ...bodyFormatCases(':id', 'PATCH', true),
] as Case[]).map((c) => ({ ...c, admin: true }));
