// Bank transfer (or any pay-on-instructions method): no API, no webhook. The customer gets the
// account details and a reference; the order waits until the operator, seeing the money arrive,
// marks it paid through the admin API. The reference is the order number, so the operator can match
// a bank statement line to an order by eye.
import { formatMoney, money } from '../money/index.js';
import { throwIfAborted } from './abort.js';
import { formatIban, isValidIban } from './iban.js';
import { defaultInstructions, renderTemplate, type ManualTemplateValues } from './manual-instructions.js';
import { PaymentError } from './payment-error.js';
import type { PaymentProvider, PaymentStart, PaymentStartInput } from './provider.js';
import { validateStartInput } from './start-input.js';

export interface ManualProviderOptions {
  iban: string;
  accountHolder: string;
  bankName?: string;
  /** See manual-instructions.ts for the placeholders; the built-in text is used when absent. */
  instructionsTemplate?: string;
}

export class ManualPaymentProvider implements PaymentProvider {
  readonly name = 'manual' as const;
  readonly redirectOrigins: readonly string[] = [];
  readonly #opts: ManualProviderOptions;

  constructor(opts: ManualProviderOptions) {
    // The schema already checks these; repeated because the class can be built without the schema.
    if (!isValidIban(opts.iban)) throw new PaymentError('misconfigured', 'payments.manual.iban is not a valid IBAN');
    if (opts.accountHolder.trim() === '') {
      throw new PaymentError('misconfigured', 'payments.manual.accountHolder is empty');
    }
    this.#opts = { ...opts };
  }

  async start(input: PaymentStartInput, opts: { signal?: AbortSignal } = {}): Promise<PaymentStart> {
    validateStartInput(input);
    throwIfAborted(opts.signal);
    const values: ManualTemplateValues = {
      amount: formatMoney(money(input.currency, input.amountMinor), input.locale),
      reference: input.orderNumber,
      orderNumber: input.orderNumber,
      iban: formatIban(this.#opts.iban),
      accountHolder: this.#opts.accountHolder.trim(),
      bankName: this.#opts.bankName?.trim() ?? '',
    };
    const instructions =
      this.#opts.instructionsTemplate !== undefined
        ? renderTemplate(this.#opts.instructionsTemplate, values)
        : defaultInstructions(input.locale, values);
    return { kind: 'instructions', reference: input.orderNumber, instructions };
  }
}
