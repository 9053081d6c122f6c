// The job runner contract (runner-contract.ts) on DbJobRunner on SQLite.
import { jobRunnerContract } from './runner-contract.js';
import { runtimeUnderTest } from './runtimes.js';

jobRunnerContract(await runtimeUnderTest('db-sqlite'));
