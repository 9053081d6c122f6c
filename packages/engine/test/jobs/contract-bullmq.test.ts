// The job runner contract (runner-contract.ts) on BullJobRunner: PostgreSQL outbox + BullMQ on Redis (skipped loudly without them).
import { jobRunnerContract } from './runner-contract.js';
import { runtimeUnderTest } from './runtimes.js';

jobRunnerContract(await runtimeUnderTest('bullmq'));
