import { postgresGate } from '@lojista/testkit';
import { describe } from 'vitest';
import { mcpSuite } from './mcp-suite.js';

const pg = await postgresGate();
describe.skipIf(!pg.available)('PostgreSQL', () => mcpSuite('postgres'));
