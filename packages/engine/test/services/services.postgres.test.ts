import { postgresGate } from '@lojista/testkit';
import { describe } from 'vitest';
import { servicesSuite } from './services-suite.js';

const pg = await postgresGate();
describe.skipIf(!pg.available)('PostgreSQL', () => servicesSuite('postgres'));
