import { mcpSuite } from './mcp-suite.js';

mcpSuite('sqlite');
