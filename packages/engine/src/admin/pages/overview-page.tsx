// The console's first screen. (The figures and "needs attention" come with the overview service.)
import type { Flash } from '../../web/flash.js';
import type { AdminView } from '../admin-view.js';
import { AdminLayout } from '../layout.js';

export function OverviewPage({ view, csrf, flash }: { view: AdminView; csrf: string; flash?: Flash | null }) {
  const m = view.messages.admin;
  return (
    <AdminLayout view={view} title={m.overview.title} current="overview" csrf={csrf} flash={flash}>
      <h1>{m.overview.title}</h1>
    </AdminLayout>
  );
}
