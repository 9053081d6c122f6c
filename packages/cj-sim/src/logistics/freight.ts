// Freight: which logistic lines serve a (from → to) route, at what price and how fast.
// Deterministic per route (a hash of from|to|line decides availability), priced in integer cents
// from the parcel weight, so freightCalculate, freightCalculateTip and createOrder always agree —
// createOrder rejects any logisticName this module does not offer for the route (1605001).
import { hashString } from '../rng.js';
import { scaleCents } from '../money.js';
import { COUNTRIES, type Country, type Zone } from './countries.js';

export interface Carrier {
  name: string;
  cnName: string;
  /** Warehouse countries the line leaves from. */
  origins: readonly string[];
  /** Whether the line delivers to this destination from this origin. */
  serves: (to: Country, from: string) => boolean;
  baseCents: number;
  perKgCents: number;
  aging: readonly [number, number];
  /** Share of routes on which the line is offered (route-deterministic). */
  availability: number;
  /** Logistics properties accepted (COMMON, LIQUID, ELECTRONIC, MAGNET, POWDER). */
  accepts: readonly string[];
  trackPrefix: string;
  optionId: string;
  channelId: string;
  channelName: string;
}

const ALL_PROPS = ['COMMON', 'LIQUID', 'ELECTRONIC', 'MAGNET', 'POWDER'];
const EU_ZONES: readonly Zone[] = ['EU', 'EU-OUTER', 'UK'];
const international = (to: Country, from: string) => to.code !== from;

export const CARRIERS: readonly Carrier[] = [
  { name: 'CJPacket Ordinary', cnName: 'CJ普货专线', origins: ['CN'], serves: international, baseCents: 120, perKgCents: 950, aging: [7, 12], availability: 0.95, accepts: ['COMMON', 'POWDER'], trackPrefix: 'CJPKL', optionId: '1564849338719199001', channelId: '1564543005939785001', channelName: 'CJ普货专线' },
  { name: 'CJPacket Sensitive', cnName: 'CJ敏感货专线', origins: ['CN'], serves: international, baseCents: 160, perKgCents: 1100, aging: [8, 15], availability: 0.85, accepts: ['COMMON', 'ELECTRONIC', 'MAGNET', 'POWDER'], trackPrefix: 'CJPKS', optionId: '1564849338719199002', channelId: '1564543005939785002', channelName: 'CJ特货专线' },
  { name: 'CJPacket Liquid', cnName: 'CJ液体专线', origins: ['CN'], serves: international, baseCents: 210, perKgCents: 1250, aging: [10, 18], availability: 0.6, accepts: ['COMMON', 'LIQUID'], trackPrefix: 'CJPKY', optionId: '1564849338719199003', channelId: '1564543005939785003', channelName: 'CJ液体专线' },
  { name: 'YunExpress Standard', cnName: '云途标准', origins: ['CN'], serves: international, baseCents: 190, perKgCents: 1000, aging: [6, 10], availability: 0.7, accepts: ['COMMON', 'ELECTRONIC'], trackPrefix: 'YT', optionId: '1564849338719199004', channelId: '1564543005939785004', channelName: '云途全球专线挂号' },
  { name: 'DHL Official', cnName: 'DHL官方', origins: ['CN', 'US', 'DE', 'GB', 'FR', 'TH', 'AU'], serves: international, baseCents: 1800, perKgCents: 2200, aging: [3, 7], availability: 0.9, accepts: ALL_PROPS, trackPrefix: '', optionId: '1564849338719199005', channelId: '1564543005939785005', channelName: 'DHL官方' },
  { name: 'SF Express', cnName: '顺丰', origins: ['CN'], serves: (to) => to.code === 'CN', baseCents: 150, perKgCents: 300, aging: [1, 3], availability: 1, accepts: ALL_PROPS, trackPrefix: 'SF', optionId: '1564849338719199006', channelId: '1564543005939785006', channelName: '顺丰国内' },
  { name: 'USPS+', cnName: '美国USPS+', origins: ['US'], serves: (to) => to.code === 'US' || to.code === 'PR', baseCents: 350, perKgCents: 600, aging: [2, 5], availability: 1, accepts: ALL_PROPS, trackPrefix: '9400', optionId: '1564849338719199007', channelId: '1564543005939785007', channelName: 'USPS' },
  { name: 'UPS Ground', cnName: 'UPS陆运', origins: ['US'], serves: (to) => to.code === 'US', baseCents: 690, perKgCents: 500, aging: [3, 6], availability: 0.8, accepts: ALL_PROPS, trackPrefix: '1Z', optionId: '1564849338719199008', channelId: '1564543005939785008', channelName: 'UPS' },
  { name: 'DHL Paket', cnName: 'DHL德国小包', origins: ['DE'], serves: (to) => EU_ZONES.includes(to.zone), baseCents: 450, perKgCents: 400, aging: [2, 5], availability: 1, accepts: ALL_PROPS, trackPrefix: 'JJD', optionId: '1564849338719199009', channelId: '1564543005939785009', channelName: 'DHL Paket' },
  { name: 'GLS Standard', cnName: 'GLS标准', origins: ['DE', 'FR'], serves: (to) => to.zone === 'EU', baseCents: 520, perKgCents: 380, aging: [3, 6], availability: 0.7, accepts: ALL_PROPS, trackPrefix: 'GLS', optionId: '1564849338719199010', channelId: '1564543005939785010', channelName: 'GLS' },
  { name: 'Colissimo', cnName: '法国邮政', origins: ['FR'], serves: (to) => to.zone === 'EU', baseCents: 490, perKgCents: 420, aging: [2, 5], availability: 1, accepts: ALL_PROPS, trackPrefix: '6A', optionId: '1564849338719199011', channelId: '1564543005939785011', channelName: 'Colissimo' },
  { name: 'Royal Mail Tracked 48', cnName: '英国皇家邮政', origins: ['GB'], serves: (to) => to.code === 'GB', baseCents: 390, perKgCents: 350, aging: [2, 4], availability: 1, accepts: ALL_PROPS, trackPrefix: 'RM', optionId: '1564849338719199012', channelId: '1564543005939785012', channelName: 'Royal Mail' },
  { name: 'Evri Standard', cnName: 'Evri', origins: ['GB'], serves: (to) => to.code === 'GB', baseCents: 320, perKgCents: 330, aging: [3, 5], availability: 0.8, accepts: ALL_PROPS, trackPrefix: 'H0', optionId: '1564849338719199013', channelId: '1564543005939785013', channelName: 'Evri' },
  { name: 'Kerry Express', cnName: '嘉里快递', origins: ['TH'], serves: (to) => to.code === 'TH', baseCents: 150, perKgCents: 200, aging: [1, 3], availability: 1, accepts: ALL_PROPS, trackPrefix: 'KEX', optionId: '1564849338719199014', channelId: '1564543005939785014', channelName: 'Kerry' },
  { name: 'CJPacket Thailand', cnName: 'CJ泰国专线', origins: ['TH'], serves: (to, from) => to.zone === 'ASIA' && to.code !== from, baseCents: 300, perKgCents: 800, aging: [5, 10], availability: 0.9, accepts: ['COMMON', 'ELECTRONIC'], trackPrefix: 'CJPKT', optionId: '1564849338719199015', channelId: '1564543005939785015', channelName: 'CJ泰国专线' },
  { name: 'Australia Post', cnName: '澳洲邮政', origins: ['AU'], serves: (to) => to.code === 'AU' || to.code === 'NZ', baseCents: 550, perKgCents: 450, aging: [2, 6], availability: 1, accepts: ALL_PROPS, trackPrefix: 'AP', optionId: '1564849338719199016', channelId: '1564543005939785016', channelName: 'Australia Post' },
];

/** Per destination zone: price factor (percent) and extra days for lines leaving China. */
const ZONE: Record<Zone, { factor: number; days: number }> = {
  CN: { factor: 60, days: -4 }, US: { factor: 100, days: 0 }, CA: { factor: 115, days: 2 }, EU: { factor: 108, days: 1 }, UK: { factor: 105, days: 1 },
  'EU-OUTER': { factor: 120, days: 3 }, OCEANIA: { factor: 118, days: 2 }, ASIA: { factor: 90, days: -2 }, LATAM: { factor: 150, days: 6 },
  MIDEAST: { factor: 130, days: 4 }, AFRICA: { factor: 160, days: 8 },
};

export interface FreightOption {
  carrier: Carrier;
  logisticName: string;
  /** "7-12" (days). */
  logisticAging: string;
  agingMin: number;
  agingMax: number;
  priceCents: number;
  /** CNY at a fixed 7.23, like CJ's logisticPriceCn. */
  priceCnCents: number;
}

export interface ParcelLine {
  weightG: number;
  quantity: number;
  prop: string;
}

function offered(carrier: Carrier, from: string, to: Country): boolean {
  if (!carrier.origins.includes(from) || !carrier.serves(to, from)) return false;
  return (hashString(`${from}|${to.code}|${carrier.name}`) % 1000) / 1000 < carrier.availability;
}

/**
 * The options for a parcel on a route. Unknown countries are the caller's business (1605002);
 * here an origin without a warehouse simply has no lines.
 */
export function freightOptions(from: string, to: Country, lines: readonly ParcelLine[]): FreightOption[] {
  const weightG = Math.max(50, lines.reduce((sum, l) => sum + l.weightG * l.quantity, 0));
  const props = new Set(lines.map((l) => l.prop));
  const zone = from === 'CN' ? ZONE[to.zone] : { factor: to.code === from ? 100 : ZONE[to.zone].factor, days: 0 };
  const candidates = CARRIERS.filter((c) => c.origins.includes(from) && c.serves(to, from) && [...props].every((p) => c.accepts.includes(p)));
  let chosen = candidates.filter((c) => offered(c, from, to));
  if (chosen.length === 0 && candidates[0]) chosen = [candidates[0]];
  return chosen.map((carrier) => {
    const raw = carrier.baseCents + Math.ceil((carrier.perKgCents * weightG) / 1000);
    const priceCents = scaleCents(raw, zone.factor, 100);
    const agingMin = Math.max(1, carrier.aging[0] + (carrier.name === 'DHL Official' ? Math.trunc(zone.days / 2) : zone.days));
    const agingMax = Math.max(agingMin + 1, carrier.aging[1] + (carrier.name === 'DHL Official' ? Math.trunc(zone.days / 2) : zone.days));
    return { carrier, logisticName: carrier.name, logisticAging: `${agingMin}-${agingMax}`, agingMin, agingMax, priceCents, priceCnCents: scaleCents(priceCents, 723, 100) };
  });
}

export function countryOrThrow(code: string, onMissing: () => Error): Country {
  const c = COUNTRIES.get(code.toUpperCase());
  if (!c) throw onMissing();
  return c;
}
