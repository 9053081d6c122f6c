// Bank-transfer instructions and the simulator-only demo provider.
import { describe, expect, it } from 'vitest';
import { DemoPaymentProvider, ManualPaymentProvider, PaymentError } from '../../src/payments/index.js';
import { orderInput } from './fixtures.js';

const IBAN = 'PT50000201231234567890154';
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('ManualPaymentProvider', () => {
  it('gives Portuguese instructions with the amount in the store locale and the order number as reference', async () => {
    const manual = new ManualPaymentProvider({ iban: 'pt50 0002 0123 1234 5678 9015 4', accountHolder: 'Astralmia Lda', bankName: 'Caixa Geral de Depósitos' });
    const start = await manual.start(orderInput());
    expect(start.kind).toBe('instructions');
    if (start.kind !== 'instructions') return;
    expect(start.reference).toBe('AST-1042');
    expect(spaces(start.instructions)).toBe(
      [
        'Pagamento por transferência bancária',
        'Montante: 39,38 €',
        'IBAN: PT50 0002 0123 1234 5678 9015 4',
        'Titular: Astralmia Lda',
        'Banco: Caixa Geral de Depósitos',
        'Referência (indique-a no descritivo): AST-1042',
        'A encomenda segue para envio assim que a transferência for recebida.',
      ].join('\n'),
    );
  });

  it('falls back to English, and leaves out the bank line when no bank name is configured', async () => {
    const start = await new ManualPaymentProvider({ iban: IBAN, accountHolder: 'Astralmia Lda' }).start(orderInput({ locale: 'en-GB' }));
    if (start.kind !== 'instructions') throw new Error('expected instructions');
    expect(spaces(start.instructions)).toContain('Amount: €39.38');
    expect(start.instructions).not.toMatch(/Bank:/);
    expect(start.instructions).toContain('Reference (put it in the transfer description): AST-1042');
  });

  it('renders an owner template', async () => {
    const manual = new ManualPaymentProvider({
      iban: IBAN,
      accountHolder: 'Astralmia Lda',
      instructionsTemplate: 'Transfira {amount} para {iban} ({accountHolder}) com a referência {reference}.',
    });
    const start = await manual.start(orderInput());
    if (start.kind !== 'instructions') throw new Error('expected instructions');
    expect(spaces(start.instructions)).toBe('Transfira 39,38 € para PT50 0002 0123 1234 5678 9015 4 (Astralmia Lda) com a referência AST-1042.');
  });

  it('refuses an IBAN whose check digits are wrong', () => {
    expect(() => new ManualPaymentProvider({ iban: 'PT51000201231234567890154', accountHolder: 'X' })).toThrow(/IBAN/);
  });

  it('validates the order like every provider', async () => {
    const manual = new ManualPaymentProvider({ iban: IBAN, accountHolder: 'Astralmia Lda' });
    await expect(manual.start(orderInput({ amountMinor: 1 }))).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('DemoPaymentProvider', () => {
  it('refuses to exist for a store that buys real goods', () => {
    let caught: unknown;
    try {
      new DemoPaymentProvider({ supplierSimulated: false });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(PaymentError);
    expect((caught as PaymentError).code).toBe('misconfigured');
    expect((caught as PaymentError).message).toMatch(/only allowed while the store runs on the CJ simulator/);
  });

  it('marks the order paid at once on the simulator', async () => {
    const demo = new DemoPaymentProvider({ supplierSimulated: true });
    expect(demo.name).toBe('demo');
    expect(await demo.start(orderInput())).toEqual({ kind: 'paid', reference: 'demo_ord_01JAXQ7Z' });
  });

  it('still refuses an order whose parts do not add up', async () => {
    const demo = new DemoPaymentProvider({ supplierSimulated: true });
    await expect(demo.start(orderInput({ amountMinor: 3937 }))).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
