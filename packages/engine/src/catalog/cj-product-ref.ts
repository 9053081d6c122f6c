// A CJ product as the owner gives it: its id, or the address of its page on cjdropshipping.com
// ("…/product/amethyst-tower-p-1614171948392570880.html", "…product-detail.html?id=<pid>").
const PID = /^[A-Za-z0-9][A-Za-z0-9-]{5,63}$/;
const UUID = '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}';
const PAGE = new RegExp(`-p-(${UUID}|\\d{6,25})\\.html$`);

export type ProductRef = { ok: true; pid: string } | { ok: false; message: string };

export function parseCjProductRef(input: string): ProductRef {
  const text = input.trim();
  if (PID.test(text)) return { ok: true, pid: text };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: 'give a CJ product id (e.g. 1614171948392570880) or the address of its page on cjdropshipping.com' };
  }
  if (!/(^|\.)cjdropshipping\.com$/i.test(url.hostname)) {
    return { ok: false, message: `the address must be a cjdropshipping.com product page, not ${url.hostname}` };
  }
  const fromPath = PAGE.exec(decodeURIComponent(url.pathname));
  if (fromPath) return { ok: true, pid: fromPath[1]! };
  for (const key of ['pid', 'id', 'productId']) {
    const value = url.searchParams.get(key);
    if (value && PID.test(value)) return { ok: true, pid: value };
  }
  return { ok: false, message: 'no product id found in that address; open the product page on cjdropshipping.com and copy its address, or give the product id' };
}
