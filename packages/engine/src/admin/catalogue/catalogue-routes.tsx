// The console's catalogue section: list and filters, one product (edit, hide/show), scans (start,
// watch live) and rejected candidates. Each action posts with the CSRF token, asks for confirmation
// first, and is safe to repeat (the same edit twice changes nothing the second time).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { getProduct } from '../../catalog/catalog-repository.js';
import { listAudit, recordAudit } from '../../audit/audit-log.js';
import { actOnProduct } from '../../catalog/product-actions.js';
import { patchProduct, type ProductPatch } from '../../catalog/product-admin.js';
import type { StoredProduct } from '../../catalog/product.js';
import { startScan } from '../../catalog/start-scan.js';
import { scanJobLive } from '../../catalog/scan-activity.js';
import { getScanRun, listScanRuns } from '../../catalog/scan-runs.js';
import { parseMoney } from '../../money/index.js';
import { patternsFor, ShopPaths } from '../../storefront/paths.js';
import { fileAsset } from '../../web/assets.js';
import { ConfirmPage } from '../kit/components.js';
import { confirmed, doneRedirect, formFields, frame, local, pageNumber, queryText, sendNode, type AdminPageKit } from '../kit/page-kit.js';
import { addCjProduct } from '../../catalog/add-product.js';
import { AddProductPage } from './add-product-page.js';
import { CatalogueListPage } from './catalogue-list-page.js';
import { ProductPage } from './product-page.js';
import { RejectedPage, ScansPage } from './scans-page.js';
import { cataloguePaths } from './catalogue-paths.js';
import { catalogueFilterChoices, consoleProducts, PRODUCT_STATUSES, productPriceHistory, rejectedCandidates, type ProductStatus } from './catalogue-queries.js';

const PAGE_SIZE = 25;

export function registerCataloguePages(kit: AdminPageKit): void {
  const { app, ctx, view, guard, csrf } = kit;
  const paths = cataloguePaths(view);
  const m = view.messages.admin.catalogue;
  const shop = new ShopPaths(patternsFor(ctx.config.locale));
  if (!view.assets.has('admin-live.js')) view.assets.add('admin-live.js', fileAsset('admin/live.js'));
  const liveScript = view.assets.url('admin-live.js');
  const pt = view.messages.language === 'pt-PT';
  const get = { preHandler: guard, schema: { hide: true } };
  const post = { preHandler: [guard, csrf], schema: { hide: true } };

  app.get(local(paths.list), get, async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const status = PRODUCT_STATUSES.includes(q.status as ProductStatus) ? (q.status as ProductStatus) : undefined;
    const query = { status, category: queryText(q.category, 80), hiddenReason: queryText(q.reason, 200), search: queryText(q.q), page: pageNumber(q.page), limit: PAGE_SIZE };
    const [{ total, items }, choices] = await Promise.all([consoleProducts(ctx, query), catalogueFilterChoices(ctx)]);
    return sendNode(kit, request, reply, <CatalogueListPage frame={frame(kit, request, reply)} paths={paths} query={query} total={total} items={items} categories={choices.categories} hiddenReasons={choices.hiddenReasons} />);
  });

  const loadProduct = async (request: FastifyRequest): Promise<StoredProduct | undefined> => getProduct(ctx.db, String((request.params as { id: string }).id).slice(0, 200));

  const productPage = async (request: FastifyRequest, reply: FastifyReply, product: StoredProduct, status = 200, error?: string, values?: Record<string, string>) =>
    sendNode(
      kit,
      request,
      reply,
      <ProductPage
        frame={frame(kit, request, reply)}
        paths={paths}
        product={product}
        history={await productPriceHistory(ctx, product.id)}
        actions={await listAudit(ctx.db, { subject: product.id, limit: 20 })}
        storefrontPath={shop.product(product.slug)}
        {...(error ? { error } : {})}
        {...(values ? { values } : {})}
      />,
      status,
    );

  app.get(local(paths.patterns.product), get, async (request, reply) => {
    const product = await loadProduct(request);
    if (!product) return reply.callNotFound();
    return productPage(request, reply, product);
  });

  app.post(local(paths.patterns.save), post, async (request, reply) => {
    const product = await loadProduct(request);
    if (!product) return reply.callNotFound();
    const fields = formFields(request.body);
    const parsed = parseEdit(fields, product.currency, pt, m.product);
    if (!parsed.ok) return productPage(request, reply, product, 400, parsed.error, fields);
    const patch = changes(product, parsed.patch);
    if (Object.keys(patch).length === 0) return doneRedirect(kit, reply, paths.product(product.id), { kind: 'info', message: m.product.noChange });
    if (!confirmed(request.body)) {
      return sendNode(
        kit,
        request,
        reply,
        <ConfirmPage {...frame(kit, request, reply)} section="catalogue" question={m.product.confirmSave(product.title)} action={paths.save(product.id)} fields={fields} back={paths.product(product.id)} />,
      );
    }
    const result = await patchProduct(ctx, product.id, patch);
    if (!result.ok) return productPage(request, reply, product, result.status === 404 ? 404 : 422, result.message, fields);
    await recordAudit(ctx.db, ctx.clock, {
      actor: 'owner',
      action: 'product.edit',
      subject: product.id,
      data: { fields: Object.keys(patch), ...(patch.priceOverrideMinor !== undefined ? { priceOverride: { from: product.priceOverrideMinor, to: patch.priceOverrideMinor } } : {}) },
    });
    return doneRedirect(kit, reply, paths.product(product.id), { kind: 'success', message: m.product.saved });
  });

  app.post(local(paths.patterns.visibility), post, async (request, reply) => {
    const product = await loadProduct(request);
    if (!product) return reply.callNotFound();
    const fields = formFields(request.body);
    const wanted = fields.status === 'hidden' ? 'hidden' : fields.status === 'active' ? 'active' : null;
    if (!wanted) return productPage(request, reply, product, 400, view.messages.admin.kit.badInput('status', 'hidden | active'));
    const done = wanted === 'hidden' ? m.product.hidden : m.product.shown;
    // Already so (a second click, or another tab): nothing to do, same answer.
    if (product.status === wanted) return doneRedirect(kit, reply, paths.product(product.id), { kind: 'info', message: done });
    if (!confirmed(request.body)) {
      return sendNode(
        kit,
        request,
        reply,
        <ConfirmPage
          {...frame(kit, request, reply)}
          section="catalogue"
          question={wanted === 'hidden' ? m.product.confirmHide(product.title) : m.product.confirmShow(product.title)}
          action={paths.visibility(product.id)}
          fields={fields}
          back={paths.product(product.id)}
          danger={wanted === 'hidden'}
        />,
      );
    }
    // actOnProduct records the owner in the audit trail, and changes nothing when it is already so.
    const result = await actOnProduct(ctx, product.id, { kind: wanted === 'hidden' ? 'hide' : 'show' }, 'owner');
    if (!result.ok) return productPage(request, reply, product, result.status === 404 ? 404 : 422, result.message);
    return doneRedirect(kit, reply, paths.product(product.id), { kind: 'success', message: done });
  });

  app.get(local(paths.scans), get, async (request, reply) => {
    const runId = queryText((request.query as Record<string, unknown>).run, 64);
    const runs = await listScanRuns(ctx.db, 20);
    const selected = (runId ? await getScanRun(ctx.db, runId) : undefined) ?? runs[0];
    const live = runs.some((r) => r.status === 'running') || (await scanJobLive(ctx));
    return sendNode(kit, request, reply, <ScansPage frame={frame(kit, request, reply)} paths={paths} runs={runs} selected={selected} live={live} liveScript={liveScript} />);
  });

  app.post(local(paths.startScan), post, async (request, reply) => {
    if (!confirmed(request.body)) {
      return sendNode(kit, request, reply, <ConfirmPage {...frame(kit, request, reply)} section="catalogue" question={m.scans.confirmStart} action={paths.startScan} fields={{}} back={paths.scans} />);
    }
    const result = await startScan(ctx, 'owner');
    const message = result.outcome === 'queued' ? m.scans.queued : result.outcome === 'already_running' ? m.scans.alreadyRunning : m.scans.alreadyQueued;
    return doneRedirect(kit, reply, paths.scans, { kind: result.outcome === 'queued' ? 'success' : 'info', message });
  });

  const addPage = (request: FastifyRequest, reply: FastifyReply, status: number, value: string, error?: string, note?: string) =>
    sendNode(
      kit,
      request,
      reply,
      <AddProductPage frame={frame(kit, request, reply)} paths={paths} value={value} available={kit.catalogDeps !== undefined} {...(error ? { error } : {})} {...(note ? { note } : {})} />,
      status,
    );
  app.get(local(paths.add), get, async (request, reply) => addPage(request, reply, 200, ''));
  app.post(local(paths.add), post, async (request, reply) => {
    const value = (formFields(request.body).product ?? '').trim().slice(0, 500);
    if (!kit.catalogDeps) return addPage(request, reply, 503, value, m.add.unavailable);
    if (value === '') return addPage(request, reply, 400, value, `${m.add.label}: ${m.add.hint}`);
    if (!confirmed(request.body)) {
      return sendNode(kit, request, reply, <ConfirmPage {...frame(kit, request, reply)} section="catalogue" question={m.add.confirm(value)} action={paths.add} fields={{ product: value }} back={paths.add} />);
    }
    // Safe to repeat: a product already listed is reported as such, not added again.
    const result = await addCjProduct(ctx, kit.catalogDeps, { product: value, actor: 'owner' });
    switch (result.outcome) {
      case 'invalid_input':
        return addPage(request, reply, 400, value, `${m.add.label}: ${result.message}`);
      case 'rejected':
        return addPage(request, reply, 422, value, m.add.rejected(result.rejection.gate, result.rejection.reason), result.passed.length > 0 ? m.add.passed(result.passed.join(', ')) : undefined);
      default:
        return doneRedirect(kit, reply, paths.product(result.productId), {
          kind: result.outcome === 'already_listed' ? 'info' : 'success',
          message: result.outcome === 'added' ? m.add.added : result.outcome === 'updated' ? m.add.updated : m.add.alreadyListed,
        });
    }
  });

  app.get(local(paths.rejected), get, async (request, reply) => {
    const page = pageNumber((request.query as Record<string, unknown>).page);
    const { total, items } = await rejectedCandidates(ctx, page, PAGE_SIZE);
    return sendNode(kit, request, reply, <RejectedPage frame={frame(kit, request, reply)} paths={paths} items={items} total={total} page={page} limit={PAGE_SIZE} />);
  });
}

type EditParse = { ok: true; patch: Required<Pick<ProductPatch, 'title' | 'description' | 'category' | 'tags' | 'priceOverrideMinor'>> } | { ok: false; error: string };

/** The edit form's fields, checked; the error names the field and the fix. */
export function parseEdit(fields: Record<string, string>, currency: string, pt: boolean, m: { fields: Record<string, string>; badPrice: string }): EditParse {
  const bad = (field: string, fix: string): EditParse => ({ ok: false, error: `${field}: ${fix}` });
  const title = (fields.title ?? '').trim();
  // Browsers send a textarea's line breaks as CRLF.
  const description = (fields.description ?? '').replace(/\r\n/g, '\n').trim();
  const category = (fields.category ?? '').trim();
  if (title.length < 3 || title.length > 200) return bad(m.fields.title!, pt ? 'entre 3 e 200 caracteres' : 'between 3 and 200 characters');
  if (description.length < 1 || description.length > 20_000) return bad(m.fields.description!, pt ? 'entre 1 e 20000 caracteres' : 'between 1 and 20000 characters');
  if (category.length < 1 || category.length > 80) return bad(m.fields.category!, pt ? 'entre 1 e 80 caracteres' : 'between 1 and 80 characters');
  const tags = [...new Set((fields.tags ?? '').split(',').map((t) => t.trim()).filter((t) => t.length > 0))];
  if (tags.length > 20 || tags.some((t) => t.length > 40)) return bad(m.fields.tags!, pt ? 'até 20 etiquetas de até 40 caracteres' : 'up to 20 tags of up to 40 characters');
  const overrideText = (fields.override ?? '').trim();
  let priceOverrideMinor: number | null = null;
  if (overrideText !== '') {
    // No thousands separators are accepted, so a comma can only be the decimal separator.
    if (!/^\d{1,7}([.,]\d{1,2})?$/.test(overrideText)) return bad(m.fields.override!, m.badPrice);
    priceOverrideMinor = parseMoney(overrideText.replace(',', '.'), currency).minor;
    if (priceOverrideMinor < 1) return bad(m.fields.override!, m.badPrice);
  }
  return { ok: true, patch: { title, description, category, tags, priceOverrideMinor } };
}

/** Only what differs from the product: an unchanged field is not marked as edited. */
function changes(p: StoredProduct, next: Required<Pick<ProductPatch, 'title' | 'description' | 'category' | 'tags' | 'priceOverrideMinor'>>): ProductPatch {
  const patch: ProductPatch = {};
  if (next.title !== p.title) patch.title = next.title;
  if (next.description !== p.description.trim()) patch.description = next.description;
  if (next.category !== p.category) patch.category = next.category;
  if (JSON.stringify(next.tags) !== JSON.stringify(p.tags)) patch.tags = next.tags;
  if (next.priceOverrideMinor !== p.priceOverrideMinor) patch.priceOverrideMinor = next.priceOverrideMinor;
  return patch;
}
