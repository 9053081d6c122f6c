// A store's `contact` section: who the seller is and how customers reach them. The information
// pages (terms, privacy, returns, contact) name them; EU and Portuguese law expect a shop to say who
// it is, so the defaults tell the owner where each value is missing.
import { z } from 'zod';

export const contactSettingsSchema = z
  .object({
    /** Where customers write (contact page, terms, returns, privacy requests). */
    email: z.email('a valid email address, e.g. "ola@astralmia.pt"').optional(),
    phone: z.string().trim().min(6).max(40).optional(),
    /** The seller's postal address, one line. */
    address: z.string().trim().min(5).max(300).optional(),
    /** The legal name of the business, when it differs from the store name. */
    legalName: z.string().trim().min(2).max(140).optional(),
    /** The business's tax number (NIF in Portugal). */
    taxId: z.string().trim().min(5).max(40).optional(),
  })
  .strict();

export type ContactSettings = z.output<typeof contactSettingsSchema>;
