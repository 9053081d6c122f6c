import { CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';
import { isBreakerFailure } from './classify.js';

export interface BreakerSettings {
  /** Consecutive transport/5xx/1600000 failures that open the circuit (default 5). */
  consecutiveFailures: number;
  /** How long the circuit stays open before one trial call is let through (default 30 000 ms). */
  halfOpenAfterMs: number;
}

export type BreakerState = 'open' | 'half_open' | 'closed';

/**
 * One breaker per client (one client per account): when CJ is down, calls fail fast with
 * CjCircuitOpenError instead of piling up timeouts. cockatiel measures the open period with the
 * wall clock (Date.now), not the injectable Clock.
 */
export function createBreaker(settings: BreakerSettings, onState: (state: BreakerState) => void): CircuitBreakerPolicy {
  const policy = circuitBreaker(
    handleWhen((err) => isBreakerFailure(err)),
    { halfOpenAfter: settings.halfOpenAfterMs, breaker: new ConsecutiveBreaker(settings.consecutiveFailures) },
  );
  policy.onStateChange((state) => {
    if (state === CircuitState.Open || state === CircuitState.Isolated) onState('open');
    else if (state === CircuitState.HalfOpen) onState('half_open');
    else onState('closed');
  });
  return policy;
}
