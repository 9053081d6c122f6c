// Destination countries CJ accepts (a subset of cj-api's Appendix 2, named as CJ names them).
// An ISO code outside this list is "country code not found" (1605002).

/** Freight zones: they scale postage and delivery times. */
export type Zone = 'CN' | 'US' | 'CA' | 'EU' | 'UK' | 'EU-OUTER' | 'OCEANIA' | 'ASIA' | 'LATAM' | 'MIDEAST' | 'AFRICA';

export interface Country {
  code: string;
  nameEn: string;
  nameCn: string;
  /** Serial number from CJ's country table (used as countryId in freightCalculateTip). */
  serial: number;
  zone: Zone;
  /** A plausible city for tracking events. */
  hub: string;
}

const ROWS: Array<[string, string, string, number, Zone, string]> = [
  ['AE', 'United Arab Emirates(the)', '阿联酋', 2, 'MIDEAST', 'Dubai'],
  ['AR', 'Argentina', '阿根廷', 10, 'LATAM', 'Buenos Aires'],
  ['AT', 'Austria', '奥地利', 12, 'EU', 'Vienna'],
  ['AU', 'Australia', '澳大利亚', 13, 'OCEANIA', 'Sydney'],
  ['BE', 'Belgium', '比利时', 20, 'EU', 'Brussels'],
  ['BG', 'Bulgaria', '保加利亚', 22, 'EU', 'Sofia'],
  ['BH', 'Bahrain', '巴林', 23, 'MIDEAST', 'Manama'],
  ['BR', 'Brazil', '巴西', 31, 'LATAM', 'Sao Paulo'],
  ['CA', 'Canada', '加拿大', 38, 'CA', 'Toronto'],
  ['CH', 'Switzerland', '瑞士', 43, 'EU-OUTER', 'Zurich'],
  ['CL', 'Chile', '智利', 46, 'LATAM', 'Santiago'],
  ['CN', 'China', '中国', 48, 'CN', 'Shenzhen'],
  ['CO', 'Colombia', '哥伦比亚', 49, 'LATAM', 'Bogota'],
  ['CR', 'Costa Rica', '哥斯达黎加', 50, 'LATAM', 'San Jose'],
  ['CY', 'Cyprus', '塞浦路斯', 55, 'EU', 'Nicosia'],
  ['CZ', 'Czechia', '捷克', 56, 'EU', 'Prague'],
  ['DE', 'Germany', '德国', 57, 'EU', 'Frankfurt'],
  ['DK', 'Denmark', '丹麦', 59, 'EU', 'Copenhagen'],
  ['DO', 'Dominican Republic (the)', '多米尼加', 61, 'LATAM', 'Santo Domingo'],
  ['EC', 'Ecuador', '厄瓜多尔', 63, 'LATAM', 'Quito'],
  ['EE', 'Estonia', '爱沙尼亚', 64, 'EU', 'Tallinn'],
  ['EG', 'Egypt', '埃及', 65, 'AFRICA', 'Cairo'],
  ['ES', 'Spain', '西班牙', 68, 'EU', 'Madrid'],
  ['FI', 'Finland', '芬兰', 70, 'EU', 'Helsinki'],
  ['FR', 'France', '法国', 75, 'EU', 'Paris'],
  ['GB', 'United Kingdom of Great Britain and Northern Irela', '英国', 77, 'UK', 'London'],
  ['GR', 'Greece', '希腊', 89, 'EU', 'Athens'],
  ['HK', 'Hong Kong', '香港', 95, 'ASIA', 'Hong Kong'],
  ['HR', 'Croatia', '克罗地亚', 98, 'EU', 'Zagreb'],
  ['HU', 'Hungary', '匈牙利', 100, 'EU', 'Budapest'],
  ['ID', 'Indonesia', '印尼', 101, 'ASIA', 'Jakarta'],
  ['IE', 'Ireland', '爱尔兰', 102, 'EU', 'Dublin'],
  ['IL', 'Israel', '以色列', 103, 'MIDEAST', 'Tel Aviv'],
  ['IN', 'India', '印度', 105, 'ASIA', 'Mumbai'],
  ['IS', 'Iceland', '冰岛', 109, 'EU-OUTER', 'Reykjavik'],
  ['IT', 'Italy', '意大利', 110, 'EU', 'Milan'],
  ['JM', 'Jamaica', '牙买加', 112, 'LATAM', 'Kingston'],
  ['JO', 'Jordan', '约旦', 113, 'MIDEAST', 'Amman'],
  ['JP', 'Japan', '日本', 114, 'ASIA', 'Tokyo'],
  ['KE', 'Kenya', '肯尼亚', 115, 'AFRICA', 'Nairobi'],
  ['KR', 'Korea (the Republic of)', '韩国', 122, 'ASIA', 'Seoul'],
  ['KW', 'Kuwait', '科威特', 123, 'MIDEAST', 'Kuwait City'],
  ['LT', 'Lithuania', '立陶宛', 133, 'EU', 'Vilnius'],
  ['LU', 'Luxembourg', '卢森堡', 134, 'EU', 'Luxembourg'],
  ['LV', 'Latvia', '拉脱维亚', 135, 'EU', 'Riga'],
  ['MA', 'Morocco', '摩洛哥', 137, 'AFRICA', 'Casablanca'],
  ['MT', 'Malta', '马耳他', 153, 'EU', 'Valletta'],
  ['MX', 'Mexico', '墨西哥', 157, 'LATAM', 'Mexico City'],
  ['MY', 'Malaysia', '马来西亚', 158, 'ASIA', 'Kuala Lumpur'],
  ['NG', 'Nigeria', '尼日利亚', 164, 'AFRICA', 'Lagos'],
  ['NL', 'Netherlands (the)', '荷兰', 166, 'EU', 'Amsterdam'],
  ['NO', 'Norway', '挪威', 167, 'EU-OUTER', 'Oslo'],
  ['NZ', 'New Zealand', '新西兰', 171, 'OCEANIA', 'Auckland'],
  ['OM', 'Oman', '阿曼', 172, 'MIDEAST', 'Muscat'],
  ['PA', 'Panama', '巴拿马', 173, 'LATAM', 'Panama City'],
  ['PE', 'Peru', '秘鲁', 174, 'LATAM', 'Lima'],
  ['PH', 'Philippines (the)', '菲律宾', 177, 'ASIA', 'Manila'],
  ['PK', 'Pakistan', '巴基斯坦', 178, 'ASIA', 'Karachi'],
  ['PL', 'Poland', '波兰', 179, 'EU', 'Warsaw'],
  ['PR', 'Puerto Rico', '波多黎各', 182, 'US', 'San Juan'],
  ['PT', 'Portugal', '葡萄牙', 184, 'EU', 'Lisbon'],
  ['QA', 'Qatar', '卡塔尔', 187, 'MIDEAST', 'Doha'],
  ['RO', 'Romania', '罗马尼亚', 189, 'EU', 'Bucharest'],
  ['RS', 'Serbia', '塞尔维亚', 190, 'EU-OUTER', 'Belgrade'],
  ['SA', 'Saudi Arabia', '沙特阿拉伯', 193, 'MIDEAST', 'Riyadh'],
  ['SE', 'Sweden', '瑞典', 197, 'EU', 'Stockholm'],
  ['SG', 'Singapore', '新加坡', 198, 'ASIA', 'Singapore'],
  ['SI', 'Slovenia', '斯洛文尼亚', 200, 'EU', 'Ljubljana'],
  ['SK', 'Slovakia', '斯洛伐克', 202, 'EU', 'Bratislava'],
  ['TH', 'Thailand', '泰国', 218, 'ASIA', 'Bangkok'],
  ['TR', 'Turkey', '土耳其', 225, 'EU-OUTER', 'Istanbul'],
  ['TW', 'Taiwan (Province of China)', '台湾', 228, 'ASIA', 'Taipei'],
  ['UA', 'Ukraine', '乌克兰', 230, 'EU-OUTER', 'Kyiv'],
  ['US', 'United States of America (the)', '美国', 233, 'US', 'Los Angeles'],
  ['UY', 'Uruguay', '乌拉圭', 234, 'LATAM', 'Montevideo'],
  ['VN', 'Viet Nam', '越南', 241, 'ASIA', 'Ho Chi Minh City'],
  ['ZA', 'South Africa', '南非', 248, 'AFRICA', 'Johannesburg'],
];

export const COUNTRIES: ReadonlyMap<string, Country> = new Map(
  ROWS.map(([code, nameEn, nameCn, serial, zone, hub]) => [code, { code, nameEn, nameCn, serial, zone, hub }]),
);

export function findCountry(code: string | undefined): Country | undefined {
  return code === undefined ? undefined : COUNTRIES.get(code.toUpperCase());
}
