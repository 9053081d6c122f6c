// Inventory and price sync on PostgreSQL: skipped loudly when it is not reachable, a failure under
// LOJISTA_REQUIRE_SERVICES=1.
import { postgresGate } from '@lojista/testkit';
import { describe } from 'vitest';
import { inventorySyncSuite } from './sync-suite.js';
import { inventoryWebhookSuite } from './webhooks-suite.js';

const pg = await postgresGate();
describe.skipIf(!pg.available)('PostgreSQL', () => {
  inventorySyncSuite('postgres');
  inventoryWebhookSuite('postgres');
});
