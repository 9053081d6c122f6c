// "Paid at once", for trying lojista on the CJ simulator without any payment account. It hands goods
// over for nothing, so it exists only where the goods are simulated too: constructing it for a store
// that buys from the real CJ API throws. The check is in the constructor, not in start(), so a
// misconfigured store fails when it boots rather than after its first "sale".
import { throwIfAborted } from './abort.js';
import { PaymentError } from './payment-error.js';
import type { PaymentProvider, PaymentStart, PaymentStartInput } from './provider.js';
import { validateStartInput } from './start-input.js';

export class DemoPaymentProvider implements PaymentProvider {
  readonly name = 'demo' as const;
  readonly redirectOrigins: readonly string[] = [];

  constructor(opts: { supplierSimulated: boolean }) {
    if (opts.supplierSimulated !== true) {
      throw new PaymentError(
        'misconfigured',
        'payments.provider is demo (the default), which marks every order paid without taking money; ' +
          'it is only allowed while the store runs on the CJ simulator. This store uses the real CJ API: ' +
          'set payments.provider to stripe or manual.',
      );
    }
  }

  async start(input: PaymentStartInput, opts: { signal?: AbortSignal } = {}): Promise<PaymentStart> {
    // Same validation as the real providers, so the demo exercises the checkout's real numbers.
    validateStartInput(input);
    throwIfAborted(opts.signal);
    return { kind: 'paid', reference: `demo_${input.orderId}` };
  }
}
