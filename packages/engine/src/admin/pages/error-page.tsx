// Console error pages (404 inside /admin, 403 for a refused form, 429, 500).
import type { ErrorKind } from '../../web/html-face.js';
import type { AdminView } from '../admin-view.js';
import { AdminBareLayout } from '../layout.js';

export function AdminErrorPage({ view, status, kind }: { view: AdminView; status: number; kind: ErrorKind }) {
  const e = view.messages.common.errors;
  const text = e[kind];
  return (
    <AdminBareLayout view={view} title={text.title}>
      <div class="panel">
        <h1>
          {status} — {text.title}
        </h1>
        <p>{text.body}</p>
        <p>
          <a href={view.paths.sections.overview}>{view.messages.admin.nav.sections.overview}</a>
        </p>
      </div>
    </AdminBareLayout>
  );
}
