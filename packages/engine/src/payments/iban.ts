// IBAN checks for the manual (bank transfer) provider. A mistyped IBAN in the store's config sends
// customers' money to someone else's account, so the ISO 13616 mod-97 check digits are verified when
// the config loads, not discovered when a customer complains.

/** "pt50 0002 0123 1234 5678 9015 4" → "PT50000201231234567890154". */
export function normalizeIban(text: string): string {
  return text.replace(/[\s-]/g, '').toUpperCase();
}

/** True when `text` (spaces allowed) is structurally an IBAN and its check digits are right. */
export function isValidIban(text: string): boolean {
  const iban = normalizeIban(text);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  // Letters become 10..35; the number is reduced piecewise so it never leaves integer precision.
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

/** "PT50000201231234567890154" → "PT50 0002 0123 1234 5678 9015 4", the form people copy from. */
export function formatIban(text: string): string {
  return normalizeIban(text).replace(/(.{4})(?=.)/g, '$1 ');
}
