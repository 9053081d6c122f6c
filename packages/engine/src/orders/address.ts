// Shipping addresses, validated per destination country before anything reaches CJ: a rejected
// address is cheaper to fix at checkout than as an order on hold.

export interface CountryRules {
  /** English name, as CJ wants it in `shippingCountry`. */
  name: string;
  postalCode: RegExp;
  postalExample: string;
  /** Whether the customer must give a province/state (US states, BR states…). */
  provinceRequired: boolean;
}

export const COUNTRIES: Record<string, CountryRules> = {
  PT: { name: 'Portugal', postalCode: /^\d{4}-\d{3}$/, postalExample: '1100-148', provinceRequired: false },
  ES: { name: 'Spain', postalCode: /^\d{5}$/, postalExample: '28013', provinceRequired: false },
  FR: { name: 'France', postalCode: /^\d{5}$/, postalExample: '75001', provinceRequired: false },
  DE: { name: 'Germany', postalCode: /^\d{5}$/, postalExample: '10115', provinceRequired: false },
  IT: { name: 'Italy', postalCode: /^\d{5}$/, postalExample: '00184', provinceRequired: false },
  NL: { name: 'Netherlands', postalCode: /^\d{4} ?[A-Z]{2}$/, postalExample: '1012 AB', provinceRequired: false },
  BE: { name: 'Belgium', postalCode: /^\d{4}$/, postalExample: '1000', provinceRequired: false },
  LU: { name: 'Luxembourg', postalCode: /^\d{4}$/, postalExample: '1009', provinceRequired: false },
  AT: { name: 'Austria', postalCode: /^\d{4}$/, postalExample: '1010', provinceRequired: false },
  IE: { name: 'Ireland', postalCode: /^[A-Z]\d{2} ?[A-Z0-9]{4}$/, postalExample: 'D02 X285', provinceRequired: false },
  GB: { name: 'United Kingdom', postalCode: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, postalExample: 'SW1A 1AA', provinceRequired: false },
  CH: { name: 'Switzerland', postalCode: /^\d{4}$/, postalExample: '8001', provinceRequired: false },
  PL: { name: 'Poland', postalCode: /^\d{2}-\d{3}$/, postalExample: '00-001', provinceRequired: false },
  SE: { name: 'Sweden', postalCode: /^\d{3} ?\d{2}$/, postalExample: '111 22', provinceRequired: false },
  DK: { name: 'Denmark', postalCode: /^\d{4}$/, postalExample: '1050', provinceRequired: false },
  US: { name: 'United States', postalCode: /^\d{5}(-\d{4})?$/, postalExample: '10001', provinceRequired: true },
  CA: { name: 'Canada', postalCode: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/, postalExample: 'K1A 0B1', provinceRequired: true },
  BR: { name: 'Brazil', postalCode: /^\d{5}-?\d{3}$/, postalExample: '01310-100', provinceRequired: true },
};

export interface AddressInput {
  name: string;
  country: string;
  province?: string | undefined;
  city: string;
  zip: string;
  address1: string;
  address2?: string | undefined;
  phone?: string | undefined;
}

export interface NormalisedAddress {
  name: string;
  country: string;
  countryName: string;
  province: string;
  city: string;
  zip: string;
  address1: string;
  address2: string | null;
  phone: string | null;
}

export type AddressCheck = { ok: true; address: NormalisedAddress } | { ok: false; field: string; message: string };

const PHONE = /^\+?[0-9 ()-]{6,20}$/;

/** Validates and normalises an address for a country the store ships to. */
export function checkAddress(input: AddressInput, shipsTo: readonly string[]): AddressCheck {
  const country = input.country.trim().toUpperCase();
  const rules = COUNTRIES[country];
  if (!shipsTo.includes(country)) {
    return { ok: false, field: 'address.country', message: `this store ships to ${shipsTo.join(', ')}; ${country} is not one of them` };
  }
  if (!rules) {
    return { ok: false, field: 'address.country', message: `${country} is not a supported destination` };
  }
  const zip = input.zip.trim().toUpperCase().replace(/\s+/g, ' ');
  if (!rules.postalCode.test(zip)) {
    return { ok: false, field: 'address.zip', message: `"${input.zip}" is not a ${rules.name} postal code (e.g. ${rules.postalExample})` };
  }
  const province = input.province?.trim() ?? '';
  if (rules.provinceRequired && province.length === 0) {
    return { ok: false, field: 'address.province', message: `a province/state is required for ${rules.name}` };
  }
  const phone = input.phone?.trim() || null;
  if (phone !== null && !PHONE.test(phone)) {
    return { ok: false, field: 'address.phone', message: 'a phone number with digits only, optionally starting with +, e.g. +351 912 345 678' };
  }
  return {
    ok: true,
    address: {
      name: input.name.trim(),
      country,
      countryName: rules.name,
      // CJ requires a province; where countries have none in everyday addresses, the city stands in.
      province: province || input.city.trim(),
      city: input.city.trim(),
      zip,
      address1: input.address1.trim(),
      address2: input.address2?.trim() || null,
      phone,
    },
  };
}
