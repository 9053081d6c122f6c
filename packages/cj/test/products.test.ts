import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CjNotFoundError } from '../src/index.js';
import { FakeCj, fail, ok } from './helpers/fake-cj.js';
import { makeClient } from './helpers/setup.js';

const fake = new FakeCj();
beforeAll(() => fake.start());
afterAll(() => fake.stop());

/** listV2 item exactly as CJ names things: id / nameEn / bigImage / string sellPrice. */
const LISTV2_BODY = `{"code":200,"result":true,"message":"Success","requestId":"r1","data":{
  "pageSize":20,"pageNumber":2,"totalRecords":1234,"totalPages":62,
  "content":[{"keyWord":"crystal","relatedCategoryList":[{"categoryId":"C-1","categoryName":"Stones"}],
  "productList":[
    {"id":"1418412740587274240","nameEn":"Amethyst Cluster","sku":"CJJT1234","spu":"CJJT12","bigImage":"https://img/a.jpg",
     "sellPrice":"0.97-4.08","nowPrice":"3.50","categoryId":"C-9","threeCategoryName":"Crystals","listedNum":"12",
     "warehouseInventoryNum":350,"verifiedWarehouse":1,"addMarkStatus":1,"isVideo":0,"createAt":1700000000000,
     "productType":"ORDINARY_PRODUCT","supplierName":"S","saleStatus":"3","deliveryCycle":"3-5","myProduct":false},
    {"id":"1418412740587274241","nameEn":"Tarot Deck","bigImage":"https://img/b.jpg","sellPrice":"11.85"}
  ]}]}}`;

describe('products.listV2', () => {
  it('normalises id→pid, bigImage→image, sellPrice string/range → {min,max}', async () => {
    fake.on('GET', '/product/listV2', { body: LISTV2_BODY });
    const { cj } = await makeClient(fake);
    const page = await cj.products.listV2({ keyWord: 'crystal', page: 2, size: 20, features: ['enable_category', 'enable_description'], lv3categoryList: ['a', 'b'] });
    expect(page).toMatchObject({ pageNum: 2, pageSize: 20, total: 1234, totalPages: 62, keyWord: 'crystal' });
    expect(page.relatedCategories).toEqual([{ categoryId: 'C-1', categoryName: 'Stones' }]);
    expect(page.items[0]).toEqual({
      pid: '1418412740587274240',
      nameEn: 'Amethyst Cluster',
      sku: 'CJJT1234',
      spu: 'CJJT12',
      image: 'https://img/a.jpg',
      sellPrice: { min: '0.97', max: '4.08' },
      nowPrice: { min: '3.50', max: '3.50' },
      categoryId: 'C-9',
      categoryName: 'Crystals',
      productType: 'ORDINARY_PRODUCT',
      listedNum: 12,
      supplierId: undefined,
      supplierName: 'S',
      inventory: 350,
      verifiedWarehouse: 1,
      freeShipping: true,
      isVideo: false,
      description: undefined,
      saleStatus: '3',
      createdAt: 1700000000000,
      deliveryCycle: '3-5',
      myProduct: false,
    });
    expect(page.items[1]).toMatchObject({ pid: '1418412740587274241', sellPrice: { min: '11.85', max: '11.85' } });

    const q = fake.hits('/product/listV2').at(-1)!;
    expect(q.method).toBe('GET');
    expect(q.body).toBe('');
    expect(q.query.get('keyWord')).toBe('crystal');
    expect(q.query.get('page')).toBe('2');
    // CJ's MCP sends these comma-joined on listV2.
    expect(q.query.getAll('features')).toEqual(['enable_category,enable_description']);
    expect(q.query.getAll('lv3categoryList')).toEqual(['a,b']);
    expect(q.headers['cj-access-token']).toBe('seed-access');
  });

  it('handles an empty result (content: [])', async () => {
    fake.on('GET', '/product/listV2', ok({ pageSize: 20, pageNumber: 1, totalRecords: 0, totalPages: 0, content: [] }));
    const { cj } = await makeClient(fake);
    await expect(cj.products.listV2({ keyWord: 'zzz' })).resolves.toMatchObject({ total: 0, items: [] });
  });

  it('refuses out-of-range paging before calling CJ', async () => {
    const { cj } = await makeClient(fake);
    const before = fake.seen.length;
    expect(() => cj.products.listV2({ size: 101 })).toThrow(/size must be an integer from 1 to 100/);
    expect(() => cj.products.listV2({ page: 1001 })).toThrow(/page/);
    expect(fake.seen.length).toBe(before);
  });
});

describe('products.query (detail) and the listV2/query field split', () => {
  const QUERY_BODY = `{"code":200,"result":true,"message":"Success","requestId":"r2","data":{
    "pid":"1418412740587274240","productName":"[\\"紫水晶\\"]","productNameEn":"Amethyst Cluster","productSku":"CJJT1234",
    "productImage":"https://img/a.jpg","productImageSet":["https://img/a.jpg","https://img/a2.jpg"],
    "productWeight":"1500.0","packingWeight":"160.0-220.0","productUnit":"unit(s)","status":"3","categoryId":"C-9","categoryName":"Home / Decor / Crystals",
    "sellPrice":"0.97-4.08","suggestSellPrice":"2.00-8.00","description":"<p>nice</p>","entryCode":"7116200000","materialNameEn":"[\\"Crystal\\",\\"Stone\\"]",
    "variants":[
      {"vid":"1418412740658577408","pid":"1418412740587274240","variantNameEn":"Amethyst Black","variantSku":"CJJT1234-Black",
       "variantImage":"https://img/v1.jpg","variantKey":"Black","variantSellPrice":11.85,"variantSugSellPrice":"20",
       "variantWeight":1500.0,"variantLength":100,"variantWidth":50,"variantHeight":30,"variantVolume":150000,
       "variantStandard":"long=100,width=50,height=30","createTime":"2019-12-31T11:14:12.000+00:00",
       "inventories":[{"countryCode":"US","totalInventory":12,"cjInventory":10,"factoryInventory":2,"verifiedWarehouse":1,
         "stock":[{"stockId":"{6709CCD7-AB12-4C4B-9C1E-0123456789AB}","inventory":10,"factoryInventory":2}]}]},
      {"vid":"1418412740658577409","variantKey":"[\\"XS\\"]","variantSellPrice":"4.08"}
    ]}}`;

  it('normalises productNameEn/productImage/weights/variants into ProductDetail', async () => {
    fake.on('GET', '/product/query', { body: QUERY_BODY });
    const { cj } = await makeClient(fake);
    const p = await cj.products.query({ pid: '1418412740587274240' }, { features: ['enable_inventory'], countryCode: 'US' });
    expect(p).toMatchObject({
      pid: '1418412740587274240',
      nameEn: 'Amethyst Cluster',
      sku: 'CJJT1234',
      image: 'https://img/a.jpg',
      images: ['https://img/a.jpg', 'https://img/a2.jpg'],
      weight: { min: 1500, max: 1500 },
      packingWeight: { min: 160, max: 220 },
      status: '3',
      categoryId: 'C-9',
      categoryName: 'Home / Decor / Crystals',
      sellPrice: { min: '0.97', max: '4.08' },
      suggestSellPrice: { min: '2.00', max: '8.00' },
      description: '<p>nice</p>',
      entryCode: '7116200000',
      materialNameEn: ['Crystal', 'Stone'],
    });
    expect(p.variants).toHaveLength(2);
    expect(p.variants[0]).toMatchObject({
      vid: '1418412740658577408',
      key: ['Black'],
      sellPrice: '11.85',
      suggestedSellPrice: '20.00',
      weightGrams: 1500,
      lengthMm: 100,
      inventories: [{ countryCode: 'US', totalInventory: 12, stock: [{ stockId: '6709CCD7-AB12-4C4B-9C1E-0123456789AB', inventory: 10 }] }],
    });
    expect(p.variants[1]).toMatchObject({ vid: '1418412740658577409', key: ['XS'], sellPrice: '4.08', inventories: [] });
    const q = fake.hits('/product/query').at(-1)!;
    expect(q.query.get('pid')).toBe('1418412740587274240');
    expect(q.query.getAll('features')).toEqual(['enable_inventory']);
    expect(q.query.get('countryCode')).toBe('US');
  });

  it('ProductSummary from listV2 and ProductDetail from query agree on the shared fields', async () => {
    fake.on('GET', '/product/listV2', { body: LISTV2_BODY });
    fake.on('GET', '/product/query', { body: QUERY_BODY });
    const { cj } = await makeClient(fake);
    const summary = (await cj.products.listV2({ keyWord: 'crystal' })).items[0]!;
    const detail = await cj.products.query({ pid: summary.pid });
    for (const k of ['pid', 'nameEn', 'sku', 'image', 'sellPrice', 'categoryId'] as const) expect(detail[k]).toEqual(summary[k]);
  });

  it('falls back to [productImage] without productImageSet; 1602001 → CjNotFoundError', async () => {
    fake.on('GET', '/product/query', [ok({ pid: 'P2', productImage: 'https://img/x.jpg', sellPrice: 5 }), fail(1602001, 'Product not found')]);
    const { cj } = await makeClient(fake);
    await expect(cj.products.query({ productSku: 'X' })).resolves.toMatchObject({ pid: 'P2', images: ['https://img/x.jpg'], variants: [], sellPrice: { min: '5.00', max: '5.00' } });
    const err = await cj.products.query({ pid: 'gone' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjNotFoundError);
    expect(err).toMatchObject({ code: 1602001, endpoint: '/product/query', requestId: 'req-1602001' });
  });
});

describe('other product reads', () => {
  it('v1 list maps pid/productNameEn/productImage and numeric sellPrice into ProductSummary', async () => {
    fake.on('GET', '/product/list', ok({ pageNum: 1, pageSize: 20, total: 1, list: [{ pid: 'P1', productNameEn: 'Incense', productImage: 'i', sellPrice: 2.5, isFreeShipping: true, saleStatus: 3 }] }));
    const { cj } = await makeClient(fake);
    const page = await cj.products.list({ productNameEn: 'incense', pageSize: 20 });
    expect(page).toMatchObject({ pageNum: 1, total: 1, items: [{ pid: 'P1', nameEn: 'Incense', image: 'i', sellPrice: { min: '2.50', max: '2.50' }, freeShipping: true, saleStatus: '3' }] });
    expect(fake.hits('/product/list').at(-1)!.query.get('productNameEn')).toBe('incense');
  });

  it('variant/query returns variants; queryByVid one variant with inventories', async () => {
    fake.on('GET', '/product/variant/query', ok([{ vid: 'V1', variantKey: '["M","Red"]', variantSellPrice: '1.2' }]));
    fake.on('GET', '/product/variant/queryByVid', ok({ vid: 'V1', variantSellPrice: 1.2, inventories: [{ countryCode: 'CN', totalInventory: '99', stock: [] }] }));
    const { cj } = await makeClient(fake);
    await expect(cj.products.variants({ pid: 'P1' })).resolves.toMatchObject([{ vid: 'V1', key: ['M', 'Red'], sellPrice: '1.20' }]);
    await expect(cj.products.variantByVid('V1', { features: ['enable_inventory'] })).resolves.toMatchObject({ vid: 'V1', inventories: [{ countryCode: 'CN', totalInventory: 99 }] });
    expect(fake.hits('/product/variant/queryByVid').at(-1)!.query.get('features')).toBe('enable_inventory');
  });

  it('getCategory → three levels', async () => {
    fake.on('GET', '/product/getCategory', ok([{ categoryFirstName: 'Home', categoryFirstList: [{ categorySecondName: 'Decor', categorySecondList: [{ categoryId: 'ABC-1', categoryName: 'Candles' }] }] }]));
    const { cj } = await makeClient(fake);
    await expect(cj.products.categories()).resolves.toEqual([{ name: 'Home', groups: [{ name: 'Decor', categories: [{ categoryId: 'ABC-1', name: 'Candles' }] }] }]);
  });

  it('addToMyProduct posts {productId}; myProducts maps listV2-style paging', async () => {
    fake.on('POST', '/product/addToMyProduct', { body: { code: 200, result: true, success: true, message: 'ok', data: true } });
    fake.on('GET', '/product/myProduct/query', ok({ pageSize: 10, pageNumber: 1, totalRecords: 1, totalPages: 1, content: [{ productId: 'P1', nameEn: 'A', bigImage: 'b', sellPrice: '3.2', weight: '100' }] }));
    const { cj } = await makeClient(fake);
    await expect(cj.products.addToMyProduct('P1')).resolves.toBe(true);
    expect(JSON.parse(fake.hits('/product/addToMyProduct').at(-1)!.body)).toEqual({ productId: 'P1' });
    await expect(cj.products.myProducts({ pageNum: 1 })).resolves.toMatchObject({ total: 1, items: [{ productId: 'P1', image: 'b', sellPrice: { min: '3.20', max: '3.20' }, weight: { min: 100, max: 100 } }] });
  });
});

describe('stock', () => {
  it('queryByVid / queryBySku / getInventoryByPid normalise names and strip stockId braces', async () => {
    const area = { vid: 'V1', areaId: 2, areaEn: 'US Warehouse', countryCode: 'US', storageNum: 5, totalInventoryNum: 7, cjInventoryNum: 6, factoryInventoryNum: 1, stock: [{ stockId: '{AB-1}', inventory: 6, factoryInventory: 1 }] };
    fake.on('GET', '/product/stock/queryByVid', ok([area]));
    fake.on('GET', '/product/stock/queryBySku', { body: { code: 200, result: true, success: true, data: [{ ...area, vid: undefined, countryNameEn: 'United States' }] } });
    fake.on('GET', '/product/stock/getInventoryByPid', {
      body: { success: true, code: 200, message: '', data: { inventories: [area], variantInventories: [{ vid: 'V1', inventory: [{ countryCode: 'US', totalInventory: 7, stock: [{ stockId: '{AB-1}', inventory: 6 }] }] }] } },
    });
    const { cj } = await makeClient(fake);
    await expect(cj.stock.byVid('V1')).resolves.toEqual([
      { vid: 'V1', areaId: '2', areaEn: 'US Warehouse', countryCode: 'US', countryNameEn: undefined, totalInventory: 7, cjInventory: 6, factoryInventory: 1, stock: [{ stockId: 'AB-1', inventory: 6, factoryInventory: 1 }] },
    ]);
    await expect(cj.stock.bySku('CJJT1234')).resolves.toMatchObject([{ countryNameEn: 'United States', totalInventory: 7 }]);
    const inv = await cj.stock.byPid('P1');
    expect(inv.variantInventories).toEqual([{ vid: 'V1', inventories: [{ countryCode: 'US', totalInventory: 7, cjInventory: undefined, factoryInventory: undefined, verifiedWarehouse: undefined, stock: [{ stockId: 'AB-1', inventory: 6, factoryInventory: undefined }] }] }]);
    expect(fake.hits('/product/stock/queryBySku').at(-1)!.query.get('sku')).toBe('CJJT1234');
  });

  it('falls back to the deprecated storageNum only when totalInventoryNum is absent', async () => {
    fake.on('GET', '/product/stock/queryByVid', ok([{ vid: 'V1', storageNum: 5 }]));
    const { cj } = await makeClient(fake);
    await expect(cj.stock.byVid('V1')).resolves.toMatchObject([{ totalInventory: 5 }]);
  });
});
