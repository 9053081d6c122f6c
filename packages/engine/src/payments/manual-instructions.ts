// The text a bank-transfer customer sees. An owner may replace it with a template of their own; the
// placeholders are a closed list so a typo ("{ammount}") fails when the config loads instead of
// showing customers a literal "{ammount}".

export const MANUAL_TEMPLATE_PLACEHOLDERS = [
  'amount',
  'reference',
  'orderNumber',
  'iban',
  'accountHolder',
  'bankName',
] as const;
export type ManualTemplatePlaceholder = (typeof MANUAL_TEMPLATE_PLACEHOLDERS)[number];
export type ManualTemplateValues = Record<ManualTemplatePlaceholder, string>;

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** Placeholders in `template` that are not in the list (empty when the template is fine). */
export function unknownPlaceholders(template: string): string[] {
  const known = new Set<string>(MANUAL_TEMPLATE_PLACEHOLDERS);
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').filter((name) => !known.has(name));
}

export function renderTemplate(template: string, values: ManualTemplateValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    name in values ? values[name as ManualTemplatePlaceholder] : whole,
  );
}

// Built-in texts by language. Lines whose value is empty (no bank name) are dropped, so the default
// never shows "Banco: " with nothing after it.
const DEFAULT_LINES: Record<'pt' | 'en' | 'es', Array<[label: string, value: string]>> = {
  pt: [
    ['Pagamento por transferência bancária', ''],
    ['Montante: ', '{amount}'],
    ['IBAN: ', '{iban}'],
    ['Titular: ', '{accountHolder}'],
    ['Banco: ', '{bankName}'],
    ['Referência (indique-a no descritivo): ', '{reference}'],
    ['A encomenda segue para envio assim que a transferência for recebida.', ''],
  ],
  es: [
    ['Pago por transferencia bancaria', ''],
    ['Importe: ', '{amount}'],
    ['IBAN: ', '{iban}'],
    ['Titular: ', '{accountHolder}'],
    ['Banco: ', '{bankName}'],
    ['Referencia (indíquela en el concepto): ', '{reference}'],
    ['El pedido se envía en cuanto se recibe la transferencia.', ''],
  ],
  en: [
    ['Payment by bank transfer', ''],
    ['Amount: ', '{amount}'],
    ['IBAN: ', '{iban}'],
    ['Account holder: ', '{accountHolder}'],
    ['Bank: ', '{bankName}'],
    ['Reference (put it in the transfer description): ', '{reference}'],
    ['Your order ships as soon as the transfer arrives.', ''],
  ],
};

export function defaultInstructions(locale: string, values: ManualTemplateValues): string {
  const language = locale.slice(0, 2).toLowerCase();
  const lines = DEFAULT_LINES[language === 'pt' || language === 'es' ? language : 'en'];
  return lines
    .map(([label, value]) => ({ label, value: value === '' ? '' : renderTemplate(value, values) }))
    .filter(({ label, value }) => value !== '' || !label.endsWith(': '))
    .map(({ label, value }) => label + value)
    .join('\n');
}
