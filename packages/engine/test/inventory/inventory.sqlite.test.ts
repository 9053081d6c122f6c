// Inventory and price sync on SQLite (the embedded runtime): the 2 h sync, then CJ's webhooks, each
// on its own real store and simulator.
import { inventorySyncSuite } from './sync-suite.js';
import { inventoryWebhookSuite } from './webhooks-suite.js';

inventorySyncSuite('sqlite');
inventoryWebhookSuite('sqlite');
