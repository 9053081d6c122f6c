// Every provider validates its input the same way before touching money. The checks are the ones
// whose absence cost the replaced system: amounts that are not integers, and a charged total that is
// not the order's total (it charged whatever the browser said). Here the order total must be exactly
// the sum of its parts, so the provider can never ask for a different amount than the order records.
import { z } from 'zod';
import { isTwoDecimalCurrency } from '../money/index.js';
import { PaymentError } from './payment-error.js';
import type { PaymentStartInput } from './provider.js';

const minor = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

const startInputSchema = z.object({
  orderId: z.string().min(1).max(200),
  orderNumber: z.string().min(1).max(200),
  amountMinor: minor.positive(),
  currency: z.string().refine(isTwoDecimalCurrency, 'an ISO 4217 code with 2 decimals in capitals, e.g. "EUR"'),
  customerEmail: z.email(),
  locale: z.string().min(2),
  lines: z
    .array(
      z.object({
        title: z.string().trim().min(1),
        quantity: z.number().int().min(1).max(10_000),
        unitPriceMinor: minor,
        image: z.string().optional(),
      }),
    )
    .min(1, 'at least one line'),
  shippingMinor: minor,
  successUrl: z.url({ protocol: /^https?$/ }),
  cancelUrl: z.url({ protocol: /^https?$/ }),
  createdAt: z.number().int().positive().optional(),
  attempt: z.number().int().min(1).optional(),
});

/** Throws PaymentError('invalid_input') naming the field, or when the parts do not add up to the total. */
export function validateStartInput(input: PaymentStartInput): void {
  const parsed = startInputSchema.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ');
    throw new PaymentError('invalid_input', `invalid payment input for order ${String(input.orderId)}: ${details}`);
  }
  const total = linesTotalMinor(input) + input.shippingMinor;
  if (!Number.isSafeInteger(total) || total !== input.amountMinor) {
    throw new PaymentError(
      'invalid_input',
      `order ${input.orderId}: amountMinor ${input.amountMinor} differs from lines + shipping = ${total}; refusing to charge an amount the order does not record`,
    );
  }
}

export function linesTotalMinor(input: Pick<PaymentStartInput, 'lines'>): number {
  return input.lines.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0);
}
