// The job runner contract (runner-contract.ts) on DbJobRunner on PostgreSQL (skipped loudly without it).
import { jobRunnerContract } from './runner-contract.js';
import { runtimeUnderTest } from './runtimes.js';

jobRunnerContract(await runtimeUnderTest('db-postgres'));
