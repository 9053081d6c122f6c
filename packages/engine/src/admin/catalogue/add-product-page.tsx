// Adding one CJ product by its id or page address (through the scan's gates).
import { CsrfField } from '../../web/csrf.js';
import { AdminLayout } from '../layout.js';
import type { PageFrame } from '../kit/page-kit.js';
import type { CataloguePaths } from './catalogue-paths.js';
import { SubNav } from './catalogue-parts.js';
export function AddProductPage({ frame, paths, value, error, note, available }: { frame: PageFrame; paths: CataloguePaths; value: string; error?: string; note?: string; available: boolean }) {
  const m = frame.view.messages.admin.catalogue;
  const a = m.add;
  return (
    <AdminLayout view={frame.view} title={a.title} current="catalogue" csrf={frame.csrf} flash={frame.flash}>
      <h1>{a.title}</h1>
      <SubNav frame={frame} paths={paths} />
      {!available ? (
        <p>{a.unavailable}</p>
      ) : (
        <form method="post" action={paths.add} class="panel">
          <p>{a.intro}</p>
          <CsrfField token={frame.csrf} />
          {error && (
            <div class="notice notice-error" role="alert" id="add-error">
              <p>{error}</p>
              {note && <p>{note}</p>}
            </div>
          )}
          <div class="field">
            <label for="a-product">{a.label}</label>
            <input id="a-product" name="product" type="text" required maxLength={500} value={value} aria-describedby={error ? 'a-product-hint add-error' : 'a-product-hint'} />
            <p class="hint wrap" id="a-product-hint">
              {a.hint}
            </p>
          </div>
          <button class="btn" type="submit">
            {a.submit}
          </button>
        </form>
      )}
    </AdminLayout>
  );
}
