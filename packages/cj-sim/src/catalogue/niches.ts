// The catalogue's vocabulary: niches, product types and the word lists CJ-style names are built
// from. Names are keyword-stuffed the way CJ's supplier titles are ("Natural Amethyst Crystal
// Cluster Raw Quartz Geode Healing Stone Home Decor"). Esoteric niches carry ~60% of the weight.

export interface Material {
  en: string;
  cn: string;
  key: string;
}

export interface TypeDef {
  /** The core noun of the name, e.g. "Crystal Cluster". */
  noun: string;
  cn: string;
  /** Category path "Level 1/Level 2/Level 3" (see categories.ts). */
  cat: string;
  /** Optional subject placed before the noun: a stone, a scent, a design. */
  subjects?: readonly string[];
  pre?: readonly string[];
  /** Keyword phrases appended after the noun (2–4 are chosen, mixed with the niche's). */
  tail: readonly string[];
  counts?: readonly string[];
  audience?: readonly string[];
  colors?: readonly string[];
  sizes?: readonly string[];
  /** What the size dimension is called in the description ("Size", "Diameter", "Model"). */
  sizeLabel?: string;
  /** Price range of the cheapest variant, in cents. */
  price: readonly [number, number];
  /** Weight range in grams. */
  weight: readonly [number, number];
  /** Typical longest edge in millimetres. */
  dims: readonly [number, number];
  material: Material;
  packing: string;
  /** CJ logistics property: decides whether liquid/sensitive lines are needed. */
  prop?: 'COMMON' | 'LIQUID' | 'ELECTRONIC' | 'MAGNET' | 'POWDER';
}

export interface NicheDef {
  key: string;
  label: string;
  /** Relative frequency in the catalogue. */
  weight: number;
  esoteric: boolean;
  /** Four letters in the SKU after "CJ", e.g. CJSJSH01234. */
  skuCode: string;
  cn: readonly string[];
  tail: readonly string[];
  types: readonly TypeDef[];
}

const M = (en: string, cn: string, key: string): Material => ({ en, cn, key });

const STONES = ['Amethyst', 'Rose Quartz', 'Clear Quartz', 'Citrine', 'Black Obsidian', 'Tiger Eye', 'Labradorite', 'Fluorite', 'Selenite', 'Lapis Lazuli', 'Amazonite', 'Black Tourmaline', 'Green Aventurine', 'Carnelian', 'Moonstone', 'Malachite', 'Rhodonite', 'Sodalite', 'Jade', 'Agate', 'Smoky Quartz', 'Howlite', 'Hematite', 'Unakite', 'Opalite', 'Pyrite'];
const STONE_COLORS = ['Purple', 'Pink', 'White', 'Yellow', 'Black', 'Brown', 'Grey', 'Green', 'Blue', 'Multicolor'];
const SCENTS = ['Lavender', 'Sandalwood', 'Vanilla', 'Eucalyptus', 'Rose', 'Jasmine', 'Frankincense', 'Myrrh', 'Patchouli', 'Cinnamon', 'Amber', 'Lemongrass', 'Ocean Breeze', 'White Sage', 'Palo Santo', 'Nag Champa', "Dragon's Blood"];
const METAL_COLORS = ['Gold', 'Silver', 'Rose Gold', 'Black'];
const BASIC_COLORS = ['Black', 'White', 'Pink', 'Blue', 'Green', 'Grey', 'Red', 'Purple', 'Beige', 'Khaki'];

export const NICHES: readonly NicheDef[] = [
  {
    key: 'crystals', label: 'Crystals & Gemstones', weight: 12, esoteric: true, skuCode: 'SJSH',
    cn: ['水晶原石', '天然水晶', '能量石'],
    tail: ['Healing Stone', 'Home Decor', 'Reiki Energy', 'Mineral Specimen', 'Meditation Gift', 'Feng Shui Ornament', 'Chakra Balancing', 'Gemstone Gift', 'Office Desk Decoration', 'Collection'],
    types: [
      { noun: 'Crystal Cluster', cn: '水晶簇', cat: 'Home, Garden & Furniture/Home Decor/Crystals & Minerals', subjects: ['Amethyst', 'Clear Quartz', 'Citrine', 'Smoky Quartz', 'Fluorite'], pre: ['Natural', 'Raw', 'Rough'], tail: ['Raw Quartz Geode', 'Druzy Specimen', 'Cave Geode'], sizes: ['3-4cm', '4-5cm', '5-6cm', '6-8cm', '8-10cm'], price: [199, 1299], weight: [40, 600], dims: [30, 100], material: M('Natural crystal', '天然水晶', 'CRYSTAL'), packing: '1 x Crystal cluster' },
      { noun: 'Tumbled Stones', cn: '水晶碎石', cat: 'Home, Garden & Furniture/Home Decor/Crystals & Minerals', subjects: STONES, pre: ['Natural', 'Polished', 'Bulk'], counts: ['100g', '200g', '500g', '1000g'], tail: ['Mixed Gravel', 'Aquarium Decoration', 'Plant Pot Decor'], sizes: ['100g', '200g', '500g'], sizeLabel: 'Weight', price: [149, 899], weight: [100, 520], dims: [40, 120], material: M('Natural stone', '天然石', 'STONE'), packing: '1 x Bag of tumbled stones' },
      { noun: 'Crystal Tower Point', cn: '水晶柱', cat: 'Home, Garden & Furniture/Home Decor/Crystals & Minerals', subjects: STONES, pre: ['Natural', 'Polished', 'Hexagonal'], tail: ['Healing Wand', 'Obelisk', 'Single Point Prism'], sizes: ['5-6cm', '6-7cm', '7-8cm', '9-10cm'], price: [179, 1199], weight: [30, 250], dims: [50, 100], material: M('Natural crystal', '天然水晶', 'CRYSTAL'), packing: '1 x Crystal point' },
      { noun: 'Crystal Sphere Ball', cn: '水晶球', cat: 'Home, Garden & Furniture/Home Decor/Crystals & Minerals', subjects: STONES, pre: ['Natural', 'Polished'], tail: ['With Wooden Stand', 'Divination Ball', 'Globe Ornament'], sizes: ['4cm', '5cm', '6cm', '8cm'], sizeLabel: 'Diameter', price: [299, 2499], weight: [80, 700], dims: [40, 80], material: M('Natural crystal', '天然水晶', 'CRYSTAL'), packing: '1 x Crystal ball, 1 x Stand' },
      { noun: 'Palm Worry Stone', cn: '手把件', cat: 'Home, Garden & Furniture/Home Decor/Crystals & Minerals', subjects: STONES, pre: ['Natural', 'Polished', 'Thumb'], tail: ['Anxiety Relief', 'Pocket Stone', 'Touchstone'], counts: ['1Pc', '3Pcs', '5Pcs'], price: [129, 699], weight: [20, 120], dims: [30, 50], material: M('Natural stone', '天然石', 'STONE'), packing: '1 x Palm stone, 1 x Velvet pouch' },
      { noun: 'Chakra Stone Set', cn: '七脉轮石套装', cat: 'Home, Garden & Furniture/Home Decor/Crystals & Minerals', pre: ['7 Chakra', 'Natural', 'Reiki'], counts: ['7Pcs', '9Pcs', '12Pcs'], tail: ['Healing Crystals Kit', 'Beginners Set', 'With Gift Box'], price: [399, 1999], weight: [120, 500], dims: [80, 180], material: M('Natural stone', '天然石', 'STONE'), packing: '1 x Chakra stone set, 1 x Gift box' },
      { noun: 'Crystal Pyramid', cn: '水晶金字塔', cat: 'Home, Garden & Furniture/Home Decor/Crystals & Minerals', subjects: ['Amethyst', 'Black Obsidian', 'Clear Quartz', 'Rose Quartz', 'Orgone'], pre: ['Natural', 'Polished'], tail: ['Energy Generator', 'Orgonite Ornament'], sizes: ['4cm', '5cm', '6cm', '8cm'], price: [249, 1599], weight: [60, 450], dims: [40, 80], material: M('Crystal and resin', '水晶树脂', 'CRYSTAL'), packing: '1 x Pyramid' },
      { noun: 'Crystal Heart', cn: '水晶爱心', cat: 'Home, Garden & Furniture/Home Decor/Crystals & Minerals', subjects: STONES, pre: ['Natural', 'Polished', 'Puffy'], tail: ["Valentine's Gift", 'Love Stone', 'Carved Figurine'], sizes: ['2cm', '3cm', '4cm', '5cm'], price: [149, 899], weight: [15, 160], dims: [20, 50], material: M('Natural stone', '天然石', 'STONE'), packing: '1 x Crystal heart' },
      { noun: 'Crystal Skull', cn: '水晶骷髅', cat: 'Home, Garden & Furniture/Home Decor/Figurines & Miniatures', subjects: STONES, pre: ['Hand Carved', 'Natural'], tail: ['Halloween Decor', 'Gothic Figurine'], sizes: ['3cm', '5cm', '7cm'], price: [299, 1899], weight: [40, 400], dims: [30, 70], material: M('Natural stone', '天然石', 'STONE'), packing: '1 x Carved skull' },
      { noun: 'Gem Tree', cn: '水晶树', cat: 'Home, Garden & Furniture/Home Decor/Crystals & Minerals', subjects: ['Amethyst', 'Citrine', 'Rose Quartz', '7 Chakra', 'Green Aventurine'], pre: ['Handmade', 'Lucky'], tail: ['Tree Of Life', 'Money Tree Bonsai', 'Wire Wrapped'], sizes: ['Small', 'Medium', 'Large'], price: [499, 2999], weight: [150, 800], dims: [100, 200], material: M('Crystal chips and copper wire', '水晶碎石铜线', 'CRYSTAL'), packing: '1 x Gem tree' },
      { noun: 'Agate Slice', cn: '玛瑙片', cat: 'Home, Garden & Furniture/Home Decor/Crystals & Minerals', pre: ['Natural', 'Dyed', 'Polished'], colors: ['Blue', 'Purple', 'Pink', 'Green', 'Natural', 'Black'], tail: ['Geode Coaster', 'Crystal Coaster', 'Gold Edge'], counts: ['1Pc', '2Pcs', '4Pcs'], price: [199, 1299], weight: [40, 300], dims: [60, 120], material: M('Natural agate', '天然玛瑙', 'STONE'), packing: '1 x Agate slice' },
      { noun: 'Selenite Charging Plate', cn: '透石膏净化板', cat: 'Home, Garden & Furniture/Home Decor/Crystals & Minerals', pre: ['Natural', 'Carved'], subjects: ['Moon Phase', 'Sun', 'Flower Of Life', 'Round', 'Star'], tail: ['Crystal Cleansing', 'Charging Station'], sizes: ['10cm', '12cm', '15cm'], price: [399, 1599], weight: [150, 450], dims: [100, 150], material: M('Natural selenite', '天然透石膏', 'STONE'), packing: '1 x Selenite plate' },
    ],
  },
  {
    key: 'tarot', label: 'Tarot & Divination', weight: 8, esoteric: true, skuCode: 'TLPY',
    cn: ['塔罗牌', '占卜工具', '神秘学用品'],
    tail: ['Divination Tool', 'Fortune Telling', 'Witchcraft Supplies', 'Pagan Altar', 'Astrology Gift', 'Spiritual Reading', 'For Beginners', 'Card Game'],
    types: [
      { noun: 'Tarot Cards Deck', cn: '塔罗牌', cat: 'Home, Garden & Furniture/Spiritual & Religious/Tarot & Divination', subjects: ['Rider Waite', 'Gold Foil', 'Holographic', 'Celestial', 'Moon', 'Witch', 'Vintage', 'Pastel', 'Botanical', 'Cat', 'Gothic'], pre: ['Classic', 'Original', 'Waterproof'], counts: ['78 Cards', '78Pcs'], tail: ['With Guidebook', 'Gilded Edge', 'Beginners Guide Book', 'English Version'], sizes: ['Standard', 'Mini', 'Large'], price: [299, 1499], weight: [150, 450], dims: [70, 130], material: M('Coated paper', '铜版纸', 'PAPER'), packing: '1 x Deck of 78 cards, 1 x Guidebook, 1 x Box' },
      { noun: 'Oracle Cards', cn: '神谕卡', cat: 'Home, Garden & Furniture/Spiritual & Religious/Tarot & Divination', subjects: ['Moon', 'Angel', 'Goddess', 'Animal Spirit', 'Crystal', 'Starseed'], pre: ['Holographic', 'English'], counts: ['44 Cards', '54 Cards'], tail: ['Affirmation Cards', 'Self Care Deck'], price: [299, 1299], weight: [120, 350], dims: [70, 130], material: M('Coated paper', '铜版纸', 'PAPER'), packing: '1 x Oracle deck, 1 x Box' },
      { noun: 'Tarot Tablecloth', cn: '塔罗桌布', cat: 'Home, Garden & Furniture/Spiritual & Religious/Altar Supplies', subjects: ['Pentagram', 'Sun And Moon', 'Triple Moon', 'Zodiac', 'Moon Phase'], pre: ['Velvet', 'Square'], tail: ['Altar Cloth', 'Tarot Spread Mat', 'Wiccan Decor'], colors: ['Black', 'Purple', 'Blue', 'Red', 'Green'], sizes: ['50x50cm', '70x70cm', '100x100cm'], price: [199, 999], weight: [60, 260], dims: [200, 350], material: M('Velvet', '天鹅绒', 'CLOTH'), packing: '1 x Tablecloth' },
      { noun: 'Crystal Pendulum', cn: '水晶灵摆', cat: 'Home, Garden & Furniture/Spiritual & Religious/Tarot & Divination', subjects: STONES, pre: ['Natural', 'Hexagonal'], tail: ['Dowsing Pendulum', 'With Chain', 'Reiki Healing'], price: [149, 799], weight: [15, 60], dims: [30, 60], material: M('Natural crystal', '天然水晶', 'CRYSTAL'), packing: '1 x Pendulum, 1 x Pouch' },
      { noun: 'Rune Stones Set', cn: '卢恩符文石', cat: 'Home, Garden & Furniture/Spiritual & Religious/Tarot & Divination', subjects: STONES, pre: ['Engraved', 'Elder Futhark', 'Viking'], counts: ['25Pcs', '24Pcs'], tail: ['With Velvet Bag', 'Norse Runes'], price: [399, 1699], weight: [150, 400], dims: [20, 30], material: M('Natural stone', '天然石', 'STONE'), packing: '25 x Rune stones, 1 x Bag' },
      { noun: 'Tarot Card Bag', cn: '塔罗牌袋', cat: 'Home, Garden & Furniture/Spiritual & Religious/Tarot & Divination', subjects: ['Moon', 'Sun', 'Pentagram', 'Eye', 'Star'], pre: ['Velvet', 'Drawstring', 'Embroidered'], tail: ['Dice Bag', 'Jewelry Pouch'], colors: ['Black', 'Purple', 'Blue', 'Red', 'Green'], counts: ['1Pc', '2Pcs'], price: [99, 499], weight: [20, 60], dims: [130, 180], material: M('Velvet', '天鹅绒', 'CLOTH'), packing: '1 x Bag' },
      { noun: 'Tarot Box', cn: '塔罗木盒', cat: 'Home, Garden & Furniture/Spiritual & Religious/Tarot & Divination', subjects: ['Moon Phase', 'Triple Moon', 'Pentagram', 'Tree Of Life', 'All Seeing Eye'], pre: ['Wooden', 'Engraved', 'Handmade'], tail: ['Card Storage', 'Trinket Box'], sizes: ['Small', 'Large'], price: [299, 1299], weight: [120, 450], dims: [100, 180], material: M('Wood', '木', 'WOOD'), packing: '1 x Wooden box' },
      { noun: 'Divination Dice Set', cn: '占星骰子', cat: 'Home, Garden & Furniture/Spiritual & Religious/Tarot & Divination', pre: ['Astrology', 'Zodiac', '12 Sided'], counts: ['3Pcs'], tail: ['Astro Dice', 'Constellation'], colors: ['Black', 'White', 'Purple', 'Gold'], price: [99, 499], weight: [20, 60], dims: [20, 30], material: M('Acrylic', '亚克力', 'PLASTIC'), packing: '3 x Dice' },
      { noun: 'Lenormand Cards', cn: '雷诺曼卡', cat: 'Home, Garden & Furniture/Spiritual & Religious/Tarot & Divination', subjects: ['Vintage', 'Gold Foil', 'Botanical'], pre: ['Classic'], counts: ['36 Cards'], tail: ['Fortune Cards'], price: [249, 999], weight: [100, 250], dims: [60, 110], material: M('Coated paper', '铜版纸', 'PAPER'), packing: '1 x Deck of 36 cards' },
    ],
  },
  {
    key: 'incense', label: 'Incense & Burners', weight: 8, esoteric: true, skuCode: 'XXLU',
    cn: ['香薰', '香炉', '熏香'],
    tail: ['Aromatherapy', 'Home Fragrance', 'Meditation', 'Yoga Room', 'Tea Room Decor', 'Purification Cleansing', 'Gift Box', 'Ceramic Ornament'],
    types: [
      { noun: 'Incense Sticks', cn: '线香', cat: 'Home, Garden & Furniture/Home Decor/Incense & Incense Burners', subjects: SCENTS, pre: ['Natural', 'Handmade', 'Hand Rolled'], counts: ['20 Sticks', '40 Sticks', '100 Sticks', '12 Boxes'], tail: ['Long Burning', 'Indian Incense', 'Masala'], price: [149, 899], weight: [40, 300], dims: [200, 260], material: M('Wood powder and herbs', '木粉草本', 'WOOD'), packing: '1 x Box of incense sticks', prop: 'POWDER' },
      { noun: 'Backflow Incense Burner', cn: '倒流香炉', cat: 'Home, Garden & Furniture/Home Decor/Incense & Incense Burners', subjects: ['Waterfall', 'Mountain Stream', 'Lotus', 'Dragon', 'Buddha', 'Zen Garden', 'Koi Fish', 'Tree Of Life'], pre: ['Ceramic', 'Handmade', 'Creative'], tail: ['Smoke Fountain', 'With 20 Cones', 'Incense Holder'], colors: ['Black', 'White', 'Brown', 'Green', 'Blue'], price: [399, 2499], weight: [200, 900], dims: [80, 200], material: M('Ceramic', '陶瓷', 'CERAMIC'), packing: '1 x Incense burner, 10 x Backflow cones' },
      { noun: 'Backflow Incense Cones', cn: '倒流香锥', cat: 'Home, Garden & Furniture/Home Decor/Incense & Incense Burners', subjects: SCENTS, pre: ['Natural', 'Mixed'], counts: ['50Pcs', '100Pcs', '120Pcs'], tail: ['Smoke Waterfall', 'Long Burning'], price: [199, 899], weight: [100, 400], dims: [80, 150], material: M('Wood powder', '木粉', 'WOOD'), packing: '1 x Bag of cones', prop: 'POWDER' },
      { noun: 'Incense Holder', cn: '香插', cat: 'Home, Garden & Furniture/Home Decor/Incense & Incense Burners', subjects: ['Lotus', 'Moon', 'Hand', 'Leaf', 'Mushroom', 'Cat', 'Wave'], pre: ['Ceramic', 'Brass', 'Wooden', 'Minimalist'], tail: ['Ash Catcher', 'Stick Stand'], colors: ['White', 'Black', 'Gold', 'Brown', 'Green'], price: [99, 799], weight: [40, 300], dims: [60, 250], material: M('Ceramic', '陶瓷', 'CERAMIC'), packing: '1 x Incense holder' },
      { noun: 'Smudge Stick', cn: '鼠尾草熏棒', cat: 'Home, Garden & Furniture/Home Decor/Incense & Incense Burners', subjects: ['White Sage', 'Blue Sage', 'Lavender', 'Rosemary', 'Palo Santo'], pre: ['California', 'Natural', 'Dried'], counts: ['1Pc', '3Pcs', '5Pcs'], tail: ['Smudging Kit', 'Energy Cleansing', 'Negative Energy Removal'], price: [199, 1099], weight: [30, 200], dims: [100, 150], material: M('Dried herbs', '干草本', 'PLANT'), packing: '1 x Smudge bundle' },
      { noun: 'Palo Santo Sticks', cn: '圣木', cat: 'Home, Garden & Furniture/Home Decor/Incense & Incense Burners', pre: ['Natural', 'Peruvian', 'Holy Wood'], counts: ['6Pcs', '10Pcs', '20Pcs'], tail: ['Smudging', 'Wild Harvested'], price: [249, 999], weight: [40, 200], dims: [90, 110], material: M('Palo santo wood', '圣木', 'WOOD'), packing: '1 x Bag of palo santo sticks' },
      { noun: 'Resin Charcoal Burner', cn: '树脂香炉', cat: 'Home, Garden & Furniture/Home Decor/Incense & Incense Burners', subjects: ['Frankincense', 'Myrrh', 'Copal'], pre: ['Brass', 'Vintage', 'Hanging'], tail: ['Censer', 'Thurible', 'Church Incense Burner'], sizes: ['Small', 'Medium', 'Large'], price: [499, 2999], weight: [150, 700], dims: [80, 180], material: M('Brass', '黄铜', 'METAL'), packing: '1 x Burner' },
      { noun: 'Incense Coil', cn: '盘香', cat: 'Home, Garden & Furniture/Home Decor/Incense & Incense Burners', subjects: SCENTS, pre: ['Natural', 'Aged'], counts: ['24 Coils', '48 Coils'], tail: ['4 Hours Burning', 'Tibetan Incense'], price: [199, 799], weight: [60, 250], dims: [60, 120], material: M('Wood powder and herbs', '木粉草本', 'WOOD'), packing: '1 x Box of incense coils', prop: 'POWDER' },
    ],
  },
  {
    key: 'meditation', label: 'Meditation & Singing Bowls', weight: 7, esoteric: true, skuCode: 'MXSB',
    cn: ['冥想', '颂钵', '瑜伽'],
    tail: ['Sound Healing', 'Chakra Healing', 'Yoga Meditation', 'Mindfulness', 'Stress Relief', 'Relaxation', 'Zen Decor'],
    types: [
      { noun: 'Tibetan Singing Bowl Set', cn: '藏式颂钵', cat: 'Home, Garden & Furniture/Spiritual & Religious/Meditation Supplies', pre: ['Handmade', 'Hand Hammered', 'Nepal'], subjects: ['Brass', 'Seven Metal', 'Om Mani', 'Lotus Engraved'], tail: ['With Mallet And Cushion', 'Handmade Nepal', 'Buddhist Sound Bowl'], sizes: ['8cm', '10cm', '12cm', '15cm', '20cm'], sizeLabel: 'Diameter', price: [899, 5999], weight: [200, 1500], dims: [80, 200], material: M('Brass alloy', '黄铜合金', 'METAL'), packing: '1 x Singing bowl, 1 x Mallet, 1 x Cushion' },
      { noun: 'Crystal Singing Bowl', cn: '水晶颂钵', cat: 'Home, Garden & Furniture/Spiritual & Religious/Meditation Supplies', pre: ['Frosted', 'Clear', 'Quartz'], subjects: ['Root Chakra', 'Heart Chakra', 'Crown Chakra', 'Solar Plexus', 'Third Eye'], tail: ['440Hz', 'Note C D E F G A B', 'With Rubber Mallet'], sizes: ['6 Inch', '8 Inch', '10 Inch', '12 Inch'], sizeLabel: 'Diameter', price: [2999, 12999], weight: [800, 4000], dims: [150, 300], material: M('Quartz glass', '石英玻璃', 'GLASS'), packing: '1 x Crystal bowl, 1 x Mallet, 1 x O-ring' },
      { noun: 'Meditation Cushion', cn: '冥想坐垫', cat: 'Sports & Outdoors/Yoga/Yoga Accessories', subjects: ['Zafu', 'Crescent', 'Round', 'Lotus'], pre: ['Buckwheat Filled', 'Cotton', 'Velvet'], tail: ['Floor Pillow', 'Removable Cover', 'Kneeling Seat'], colors: ['Black', 'Purple', 'Blue', 'Grey', 'Beige', 'Green'], price: [999, 3999], weight: [800, 2500], dims: [300, 400], material: M('Cotton and buckwheat hulls', '棉布荞麦壳', 'CLOTH'), packing: '1 x Cushion' },
      { noun: 'Tingsha Cymbals', cn: '藏铃', cat: 'Home, Garden & Furniture/Spiritual & Religious/Meditation Supplies', pre: ['Tibetan', 'Handmade'], subjects: ['Eight Auspicious', 'Om', 'Dragon', 'Dorje'], tail: ['Meditation Bell', 'Space Clearing'], price: [599, 2499], weight: [150, 400], dims: [60, 80], material: M('Brass', '黄铜', 'METAL'), packing: '1 x Pair of tingsha' },
      { noun: 'Tuning Fork Set', cn: '音叉', cat: 'Home, Garden & Furniture/Spiritual & Religious/Meditation Supplies', pre: ['Aluminum', 'Weighted'], subjects: ['128Hz', '528Hz', '7 Chakra', 'Solfeggio'], tail: ['Sound Therapy', 'Vibration Healing', 'With Mallet'], counts: ['1Pc', '3Pcs', '9Pcs'], price: [699, 3999], weight: [100, 900], dims: [150, 250], material: M('Aluminium alloy', '铝合金', 'METAL'), packing: '1 x Tuning fork set, 1 x Mallet, 1 x Bag' },
      { noun: 'Zen Sand Garden', cn: '禅意沙盘', cat: 'Home, Garden & Furniture/Home Decor/Figurines & Miniatures', pre: ['Japanese', 'Mini', 'Tabletop'], tail: ['With Rake And Stones', 'Desk Decor', 'Office Gift'], sizes: ['Small', 'Medium', 'Large'], price: [699, 2999], weight: [300, 1500], dims: [150, 300], material: M('Wood and sand', '木沙', 'WOOD'), packing: '1 x Tray, 1 x Sand, 1 x Rake, Stones' },
      { noun: 'Wind Chime', cn: '风铃', cat: 'Home, Garden & Furniture/Home Decor/Wind Chimes & Hanging Decorations', subjects: ['Bamboo', 'Aluminum Tube', 'Crystal', 'Moon', 'Tree Of Life'], pre: ['Handmade', 'Deep Tone', 'Outdoor'], tail: ['Garden Patio Decor', 'Memorial Gift'], colors: ['Silver', 'Black', 'Bronze', 'Gold'], price: [499, 2999], weight: [150, 900], dims: [300, 800], material: M('Aluminium', '铝', 'METAL'), packing: '1 x Wind chime' },
      { noun: 'Mala Prayer Beads', cn: '念珠', cat: 'Jewelry & Watches/Fashion Jewelry/Necklaces & Pendants', subjects: ['Sandalwood', 'Rudraksha', 'Lava Stone', 'Amethyst', 'Tiger Eye'], pre: ['108', 'Hand Knotted', 'Tibetan'], tail: ['Tassel Necklace', 'Buddhist Rosary', 'Japa Mala'], price: [299, 1499], weight: [30, 120], dims: [400, 500], material: M('Wood beads', '木珠', 'WOOD'), packing: '1 x Mala necklace' },
    ],
  },
  {
    key: 'spiritual-jewellery', label: 'Spiritual Jewellery', weight: 11, esoteric: true, skuCode: 'SPJS',
    cn: ['能量手链', '吊坠项链', '饰品'],
    tail: ['Healing Energy', 'Protection Amulet', 'Lucky Charm', 'Spiritual Gift', 'Fashion Jewelry', 'Yoga Jewelry', 'Good Luck'],
    types: [
      { noun: 'Bracelet', cn: '手链', cat: 'Jewelry & Watches/Fashion Jewelry/Bracelets & Bangles', subjects: ['7 Chakra', 'Tree Of Life', 'Lava Stone', 'Tiger Eye', 'Evil Eye', 'Hamsa', 'Amethyst', 'Black Obsidian', 'Rose Quartz', 'Labradorite'], pre: ['Natural Stone', 'Beaded', 'Elastic', '8mm Beads'], tail: ['Lava Stone Beads', 'Yoga Bracelet', 'Stretch Bracelet', 'Diffuser Bracelet'], audience: ['For Women Men', 'For Women', 'For Men', 'Unisex'], sizes: ['16cm', '18cm', '20cm'], price: [99, 899], weight: [10, 40], dims: [60, 70], material: M('Natural stone and alloy', '天然石合金', 'STONE'), packing: '1 x Bracelet' },
      { noun: 'Pendant Necklace', cn: '吊坠项链', cat: 'Jewelry & Watches/Fashion Jewelry/Necklaces & Pendants', subjects: ['Moon', 'Pentagram', 'Tree Of Life', 'Om', 'Lotus', 'Hamsa', 'Evil Eye', 'Crystal Point', 'Sun And Moon', 'Triple Moon', 'Eye Of Horus', 'Ankh'], pre: ['Stainless Steel', '925 Sterling Silver', '18K Gold Plated', 'Vintage', 'Minimalist'], tail: ['Witch Amulet', 'Choker Chain', 'Talisman'], audience: ['For Women Men', 'For Women', 'For Men'], colors: METAL_COLORS, price: [99, 1999], weight: [5, 40], dims: [20, 500], material: M('Stainless steel', '不锈钢', 'METAL'), packing: '1 x Necklace' },
      { noun: 'Ring', cn: '戒指', cat: 'Jewelry & Watches/Fashion Jewelry/Rings', subjects: ['Moonstone', 'Opal', 'Snake', 'Moon Phase', 'Celtic Knot', 'Om', 'Evil Eye', 'Labradorite'], pre: ['925 Sterling Silver', 'Adjustable', 'Vintage', 'Titanium Steel'], tail: ['Open Ring', 'Boho Jewelry', 'Statement Ring'], audience: ['For Women', 'For Men', 'Unisex'], sizes: ['6', '7', '8', '9', '10'], sizeLabel: 'Ring size', colors: ['Silver', 'Gold', 'Rose Gold'], price: [99, 1499], weight: [3, 15], dims: [18, 25], material: M('Sterling silver', '925银', 'METAL'), packing: '1 x Ring' },
      { noun: 'Earrings', cn: '耳环', cat: 'Jewelry & Watches/Fashion Jewelry/Earrings', subjects: ['Moon', 'Star', 'Crystal', 'Evil Eye', 'Feather', 'Sun'], pre: ['Dangle', 'Hoop', 'Stud', 'Drop'], tail: ['Celestial Jewelry', 'Boho Earrings', 'Hypoallergenic'], audience: ['For Women', 'For Girls'], colors: METAL_COLORS, price: [99, 999], weight: [3, 20], dims: [15, 60], material: M('Alloy', '合金', 'METAL'), packing: '1 x Pair of earrings' },
      { noun: 'Anklet', cn: '脚链', cat: 'Jewelry & Watches/Fashion Jewelry/Anklets', subjects: ['Evil Eye', 'Shell', 'Moon', 'Turtle', 'Lotus'], pre: ['Layered', 'Beaded', 'Adjustable'], tail: ['Beach Jewelry', 'Summer Foot Chain'], audience: ['For Women'], colors: ['Gold', 'Silver'], price: [99, 699], weight: [3, 15], dims: [200, 260], material: M('Alloy', '合金', 'METAL'), packing: '1 x Anklet' },
      { noun: 'Wire Wrapped Pendant', cn: '绕线吊坠', cat: 'Jewelry & Watches/Fashion Jewelry/Necklaces & Pendants', subjects: STONES, pre: ['Natural', 'Handmade', 'Raw'], tail: ['Crystal Necklace', 'Gemstone Pendant', 'Reiki Charm'], colors: ['Gold', 'Silver', 'Copper'], price: [199, 1299], weight: [10, 40], dims: [30, 60], material: M('Natural crystal and copper wire', '天然水晶铜线', 'CRYSTAL'), packing: '1 x Pendant, 1 x Chain' },
      { noun: 'Red String Bracelet', cn: '红绳手链', cat: 'Jewelry & Watches/Fashion Jewelry/Bracelets & Bangles', subjects: ['Kabbalah', 'Evil Eye', 'Hamsa', 'Lucky Knot'], pre: ['Handmade', 'Braided', 'Adjustable'], counts: ['1Pc', '2Pcs', '3Pcs'], tail: ['Protection Bracelet', 'Couple Bracelet'], price: [99, 599], weight: [3, 15], dims: [150, 300], material: M('Cotton string', '棉绳', 'CLOTH'), packing: '1 x Bracelet' },
    ],
  },
  {
    key: 'candles', label: 'Candles & Aromatherapy', weight: 8, esoteric: true, skuCode: 'LZXX',
    cn: ['香薰蜡烛', '精油', '香氛'],
    tail: ['Aromatherapy', 'Home Fragrance', 'Soy Wax', 'Gift Set', 'Relaxation', 'Bedroom Decor', 'Long Lasting', 'Birthday Gift'],
    types: [
      { noun: 'Scented Candle', cn: '香薰蜡烛', cat: 'Home, Garden & Furniture/Home Decor/Candles & Holders', subjects: SCENTS, pre: ['Soy Wax', 'Natural', 'Luxury', 'Glass Jar'], tail: ['Smokeless', '40 Hours Burning', 'Cotton Wick'], sizes: ['100g', '200g', '300g'], sizeLabel: 'Weight', price: [299, 1999], weight: [150, 600], dims: [70, 110], material: M('Soy wax', '大豆蜡', 'WAX'), packing: '1 x Candle' },
      { noun: 'Crystal Candle', cn: '水晶蜡烛', cat: 'Home, Garden & Furniture/Home Decor/Candles & Holders', subjects: ['Amethyst', 'Rose Quartz', 'Citrine', 'Clear Quartz', 'Black Obsidian'], pre: ['Manifestation', 'Intention', 'Hand Poured'], tail: ['Crystals Inside', 'Spiritual Candle', 'Witchy Gift'], price: [499, 2499], weight: [200, 600], dims: [70, 110], material: M('Soy wax and natural crystals', '大豆蜡天然水晶', 'WAX'), packing: '1 x Candle' },
      { noun: 'Spell Candles', cn: '仪式蜡烛', cat: 'Home, Garden & Furniture/Spiritual & Religious/Witchcraft Supplies', pre: ['Chime', 'Mini', 'Ritual'], counts: ['10Pcs', '20Pcs', '40Pcs'], tail: ['Colorful Taper Candles', 'Witchcraft Ritual', 'With Holder'], colors: ['Mixed', 'Black', 'White', 'Red', 'Green', 'Purple'], price: [299, 1299], weight: [100, 500], dims: [100, 110], material: M('Paraffin wax', '石蜡', 'WAX'), packing: 'Candles as specified' },
      { noun: 'Essential Oil Set', cn: '精油套装', cat: 'Health, Beauty & Hair/Health Care/Essential Oils & Aromatherapy', subjects: ['Lavender', 'Eucalyptus', 'Peppermint', 'Tea Tree', 'Sweet Orange', 'Lemongrass'], pre: ['Pure', 'Natural', 'Therapeutic Grade'], counts: ['6 x 10ml', '8 x 10ml', '12 x 5ml'], tail: ['For Diffuser', 'Massage Oil', 'Gift Set'], price: [499, 2499], weight: [150, 500], dims: [100, 200], material: M('Plant essential oil', '植物精油', 'LIQUID'), packing: 'Bottles as specified, 1 x Box', prop: 'LIQUID' },
      { noun: 'Aroma Diffuser', cn: '香薰机', cat: 'Health, Beauty & Hair/Health Care/Essential Oils & Aromatherapy', subjects: ['Wood Grain', 'Volcano', 'Flame', 'Jellyfish', 'Moon'], pre: ['Ultrasonic', 'Cool Mist', 'USB'], tail: ['Humidifier', '7 Color LED Light', 'Auto Off'], sizes: ['130ml', '300ml', '500ml'], sizeLabel: 'Capacity', colors: ['Light Wood', 'Dark Wood', 'White', 'Black'], price: [899, 3999], weight: [250, 800], dims: [100, 200], material: M('PP plastic', 'PP塑料', 'PLASTIC'), packing: '1 x Diffuser, 1 x USB cable, 1 x Manual', prop: 'ELECTRONIC' },
      { noun: 'Reed Diffuser', cn: '藤条香薰', cat: 'Home, Garden & Furniture/Home Decor/Home Fragrance', subjects: SCENTS, pre: ['Glass Bottle', 'Natural', 'Alcohol Free'], tail: ['With Rattan Sticks', 'Bathroom Air Freshener'], sizes: ['50ml', '100ml', '150ml'], sizeLabel: 'Capacity', price: [399, 1699], weight: [200, 500], dims: [70, 250], material: M('Glass and fragrance oil', '玻璃香精', 'LIQUID'), packing: '1 x Bottle, 6 x Reed sticks', prop: 'LIQUID' },
      { noun: 'Wax Melts', cn: '香薰蜡块', cat: 'Home, Garden & Furniture/Home Decor/Home Fragrance', subjects: SCENTS, pre: ['Soy', 'Highly Scented'], counts: ['6 Cubes', '12 Cubes', '24 Cubes'], tail: ['For Warmer Burner'], price: [199, 999], weight: [80, 300], dims: [80, 150], material: M('Soy wax', '大豆蜡', 'WAX'), packing: 'Wax cubes as specified' },
      { noun: 'Candle Holder', cn: '烛台', cat: 'Home, Garden & Furniture/Home Decor/Candles & Holders', subjects: ['Moon Phase', 'Crescent Moon', 'Lotus', 'Pentagram', 'Mushroom', 'Crystal'], pre: ['Metal', 'Glass', 'Ceramic', 'Tealight'], tail: ['Table Centerpiece', 'Altar Decor'], colors: ['Black', 'Gold', 'Silver', 'White'], price: [199, 1599], weight: [80, 600], dims: [60, 200], material: M('Iron', '铁', 'METAL'), packing: '1 x Candle holder' },
    ],
  },
  {
    key: 'esoteric-decor', label: 'Esoteric Decor', weight: 8, esoteric: true, skuCode: 'SMZS',
    cn: ['神秘装饰', '墙饰', '挂毯'],
    tail: ['Boho Room Decor', 'Witchy Aesthetic', 'Wall Art', 'Bohemian Home Decoration', 'Mystic', 'Meditation Room', 'Bedroom Living Room', 'Gift'],
    types: [
      { noun: 'Tapestry', cn: '挂毯', cat: 'Home, Garden & Furniture/Home Decor/Tapestry', subjects: ['Mandala', 'Sun And Moon', 'Tarot', 'Celestial', 'Chakra', 'Third Eye', 'Moon Phase', 'Zodiac'], pre: ['Psychedelic', 'Hippie', 'Large'], tail: ['Wall Hanging', 'Beach Blanket', 'Dorm Decor'], sizes: ['100x75cm', '150x130cm', '200x150cm'], colors: ['Black', 'Purple', 'Blue', 'Multicolor'], price: [299, 1699], weight: [150, 600], dims: [300, 400], material: M('Polyester', '涤纶', 'CLOTH'), packing: '1 x Tapestry' },
      { noun: 'Dream Catcher', cn: '捕梦网', cat: 'Home, Garden & Furniture/Home Decor/Wind Chimes & Hanging Decorations', subjects: ['Feather', 'Moon', 'Tree Of Life', 'Crystal', 'Lace'], pre: ['Handmade', 'Large', 'Boho', 'LED'], tail: ['Wall Hanging Ornament', 'Car Hanging', 'Nursery Decor'], colors: ['White', 'Black', 'Purple', 'Pink', 'Brown'], price: [299, 1999], weight: [40, 300], dims: [150, 600], material: M('Feather and iron ring', '羽毛铁圈', 'MIXED'), packing: '1 x Dream catcher' },
      { noun: 'Moon Phase Wall Hanging', cn: '月相墙饰', cat: 'Home, Garden & Furniture/Home Decor/Wind Chimes & Hanging Decorations', pre: ['Wooden', 'Macrame', 'Metal', 'Crystal'], tail: ['Garland', 'Celestial Wall Decor'], colors: ['Natural Wood', 'Black', 'Gold', 'White'], price: [399, 1999], weight: [60, 500], dims: [400, 1000], material: M('Wood', '木', 'WOOD'), packing: '1 x Wall hanging' },
      { noun: 'Altar Tray', cn: '祭坛托盘', cat: 'Home, Garden & Furniture/Spiritual & Religious/Altar Supplies', subjects: ['Pentagram', 'Triple Moon', 'Tree Of Life', 'Flower Of Life'], pre: ['Wooden', 'Round', 'Engraved'], tail: ['Crystal Display', 'Witch Altar Tile'], sizes: ['15cm', '20cm', '30cm'], price: [399, 1599], weight: [100, 600], dims: [150, 300], material: M('Wood', '木', 'WOOD'), packing: '1 x Altar tray' },
      { noun: 'Buddha Statue', cn: '佛像', cat: 'Home, Garden & Furniture/Home Decor/Figurines & Miniatures', subjects: ['Meditating', 'Thai', 'Laughing', 'Sleeping', 'Ganesha'], pre: ['Resin', 'Bronze Finish', 'Small'], tail: ['Feng Shui Figurine', 'Garden Statue', 'Zen Decor'], sizes: ['10cm', '15cm', '20cm', '30cm'], colors: ['Gold', 'Bronze', 'White', 'Black'], price: [499, 3999], weight: [150, 1500], dims: [100, 300], material: M('Resin', '树脂', 'RESIN'), packing: '1 x Statue' },
      { noun: 'Himalayan Salt Lamp', cn: '喜马拉雅盐灯', cat: 'Home, Garden & Furniture/Home Decor/Night Lights & Lamps', pre: ['Natural', 'Hand Carved', 'Pink'], subjects: ['Round', 'Natural Shape', 'Pyramid', 'Heart'], tail: ['With Dimmer Switch', 'Night Light', 'Wooden Base'], sizes: ['1-2kg', '2-3kg', '3-5kg'], sizeLabel: 'Weight', price: [999, 3999], weight: [1000, 5000], dims: [120, 250], material: M('Himalayan salt', '喜马拉雅盐', 'STONE'), packing: '1 x Salt lamp, 1 x Cord, 1 x Bulb', prop: 'ELECTRONIC' },
      { noun: 'Moon Lamp', cn: '月球灯', cat: 'Home, Garden & Furniture/Home Decor/Night Lights & Lamps', pre: ['3D Print', 'Galaxy', 'Touch'], tail: ['16 Colors Remote', 'Rechargeable Night Light', 'Kids Gift'], sizes: ['8cm', '12cm', '15cm', '18cm'], sizeLabel: 'Diameter', price: [599, 2499], weight: [100, 600], dims: [80, 180], material: M('PLA', 'PLA', 'PLASTIC'), packing: '1 x Lamp, 1 x Stand, 1 x USB cable', prop: 'ELECTRONIC' },
      { noun: 'Evil Eye Wall Decor', cn: '恶魔之眼挂饰', cat: 'Home, Garden & Furniture/Home Decor/Wind Chimes & Hanging Decorations', subjects: ['Hamsa Hand', 'Turkish', 'Blue Glass', 'Nazar'], pre: ['Handmade', 'Glass'], tail: ['Protection Charm', 'Door Hanging'], colors: ['Blue', 'Navy', 'Multicolor'], price: [199, 999], weight: [30, 300], dims: [80, 300], material: M('Glass', '玻璃', 'GLASS'), packing: '1 x Hanging decor' },
      { noun: 'Witch Skull Figurine', cn: '女巫骷髅摆件', cat: 'Home, Garden & Furniture/Home Decor/Figurines & Miniatures', subjects: ['Raven', 'Black Cat', 'Skull', 'Owl', 'Crystal Ball'], pre: ['Gothic', 'Resin', 'Vintage'], tail: ['Halloween Decoration', 'Shelf Decor'], colors: ['Black', 'Bronze', 'White'], price: [399, 1999], weight: [100, 800], dims: [80, 200], material: M('Resin', '树脂', 'RESIN'), packing: '1 x Figurine' },
    ],
  },
  {
    key: 'kitchen', label: 'Kitchen', weight: 7, esoteric: false, skuCode: 'CFYP',
    cn: ['厨房用品', '厨具'],
    tail: ['Kitchen Gadgets', 'Cooking Tools', 'Home Kitchen Accessories', 'Dishwasher Safe', 'BPA Free', 'Easy To Clean'],
    types: [
      { noun: 'Silicone Spatula Set', cn: '硅胶铲套装', cat: 'Home, Garden & Furniture/Kitchen, Dining & Bar/Kitchen Tools & Gadgets', pre: ['Heat Resistant', 'Non Stick'], counts: ['5Pcs', '10Pcs', '12Pcs'], tail: ['Cooking Utensils', 'Baking Tools'], colors: ['Black', 'Grey', 'Green', 'Pink', 'Khaki'], price: [399, 1599], weight: [200, 800], dims: [250, 350], material: M('Food grade silicone', '食品级硅胶', 'SILICONE'), packing: 'Utensils as specified' },
      { noun: 'Vegetable Chopper', cn: '切菜器', cat: 'Home, Garden & Furniture/Kitchen, Dining & Bar/Kitchen Tools & Gadgets', pre: ['Multifunctional', 'Manual', '12 In 1'], tail: ['Onion Dicer', 'Food Slicer', 'With Container'], colors: ['Green', 'Grey', 'White'], price: [699, 2499], weight: [400, 1200], dims: [200, 300], material: M('ABS and stainless steel', 'ABS不锈钢', 'PLASTIC'), packing: '1 x Chopper set' },
      { noun: 'Knife Sharpener', cn: '磨刀器', cat: 'Home, Garden & Furniture/Kitchen, Dining & Bar/Kitchen Tools & Gadgets', pre: ['3 Stage', 'Professional', 'Handheld'], tail: ['Diamond Ceramic', 'Non Slip Base'], colors: ['Black', 'Red', 'Grey'], price: [199, 999], weight: [100, 300], dims: [150, 250], material: M('ABS', 'ABS', 'PLASTIC'), packing: '1 x Sharpener' },
      { noun: 'Milk Frother', cn: '奶泡器', cat: 'Home, Garden & Furniture/Kitchen, Dining & Bar/Kitchen Tools & Gadgets', pre: ['Handheld', 'Electric', 'Rechargeable'], tail: ['Coffee Foam Maker', 'Drink Mixer'], colors: ['Black', 'White', 'Silver'], price: [299, 1299], weight: [80, 250], dims: [200, 250], material: M('Stainless steel', '不锈钢', 'METAL'), packing: '1 x Frother', prop: 'ELECTRONIC' },
      { noun: 'Oil Sprayer Bottle', cn: '喷油壶', cat: 'Home, Garden & Furniture/Kitchen, Dining & Bar/Kitchen Tools & Gadgets', pre: ['Glass', 'Refillable'], tail: ['For Air Fryer', 'Salad BBQ'], sizes: ['100ml', '200ml', '300ml'], sizeLabel: 'Capacity', price: [199, 899], weight: [100, 300], dims: [150, 250], material: M('Glass', '玻璃', 'GLASS'), packing: '1 x Bottle' },
      { noun: 'Food Storage Containers', cn: '保鲜盒', cat: 'Home, Garden & Furniture/Kitchen, Dining & Bar/Kitchen Storage', pre: ['Airtight', 'Stackable', 'Glass'], counts: ['3Pcs', '5Pcs', '10Pcs'], tail: ['With Lids', 'Meal Prep', 'Microwave Safe'], price: [699, 2999], weight: [500, 2500], dims: [150, 250], material: M('Borosilicate glass', '高硼硅玻璃', 'GLASS'), packing: 'Containers as specified' },
      { noun: 'Cutting Board', cn: '砧板', cat: 'Home, Garden & Furniture/Kitchen, Dining & Bar/Kitchen Tools & Gadgets', pre: ['Bamboo', 'Double Sided', 'Stainless Steel'], tail: ['Juice Groove', 'Chopping Block'], sizes: ['S', 'M', 'L'], price: [499, 2499], weight: [400, 1800], dims: [250, 400], material: M('Bamboo', '竹', 'WOOD'), packing: '1 x Cutting board' },
      { noun: 'Garlic Press', cn: '压蒜器', cat: 'Home, Garden & Furniture/Kitchen, Dining & Bar/Kitchen Tools & Gadgets', pre: ['Stainless Steel', 'Heavy Duty'], tail: ['Mincer Crusher', 'Ginger Press'], colors: ['Silver', 'Black'], price: [199, 899], weight: [120, 350], dims: [150, 200], material: M('Stainless steel', '不锈钢', 'METAL'), packing: '1 x Garlic press' },
    ],
  },
  {
    key: 'pets', label: 'Pet Supplies', weight: 7, esoteric: false, skuCode: 'CWYP',
    cn: ['宠物用品'],
    tail: ['Pet Supplies', 'For Cats And Dogs', 'Durable', 'Pet Accessories', 'Indoor'],
    types: [
      { noun: 'Cat Toy', cn: '猫玩具', cat: 'Pet Supplies/Cat Supplies/Cat Toys', subjects: ['Feather Wand', 'Interactive Ball', 'Catnip Mouse', 'Tunnel', 'Laser'], pre: ['Interactive', 'Self Playing', 'Funny'], tail: ['Kitten Teaser', 'Indoor Cats Exercise'], colors: ['Blue', 'Pink', 'Green', 'Grey'], price: [149, 999], weight: [30, 400], dims: [50, 400], material: M('Plastic and feather', '塑料羽毛', 'PLASTIC'), packing: '1 x Cat toy' },
      { noun: 'Dog Leash', cn: '狗绳', cat: 'Pet Supplies/Dog Supplies/Leashes & Harnesses', pre: ['Retractable', 'Reflective', 'Heavy Duty', 'Hands Free'], tail: ['Walking Lead', 'With Padded Handle'], colors: ['Black', 'Red', 'Blue', 'Pink', 'Grey'], sizes: ['3m', '5m', '8m'], sizeLabel: 'Length', price: [299, 1599], weight: [150, 500], dims: [120, 200], material: M('Nylon', '尼龙', 'CLOTH'), packing: '1 x Leash' },
      { noun: 'Pet Grooming Glove', cn: '宠物撸毛手套', cat: 'Pet Supplies/Pet Grooming/Grooming Tools', pre: ['Gentle', 'Deshedding'], tail: ['Hair Remover Brush', 'Bath Massage'], colors: ['Blue', 'Pink', 'Grey'], counts: ['1Pc', '1 Pair'], price: [149, 699], weight: [50, 150], dims: [200, 250], material: M('Silicone', '硅胶', 'SILICONE'), packing: '1 x Glove' },
      { noun: 'Cat Scratching Board', cn: '猫抓板', cat: 'Pet Supplies/Cat Supplies/Scratchers', pre: ['Corrugated Cardboard', 'Sisal', 'Wall Mounted'], tail: ['Scratcher Lounge', 'With Catnip'], sizes: ['S', 'M', 'L'], price: [299, 1999], weight: [300, 2000], dims: [300, 600], material: M('Corrugated paper', '瓦楞纸', 'PAPER'), packing: '1 x Scratching board' },
      { noun: 'Dog Chew Toy', cn: '狗咬胶玩具', cat: 'Pet Supplies/Dog Supplies/Chew Toys', subjects: ['Bone', 'Rope', 'Ball', 'Stick'], pre: ['Indestructible', 'Squeaky', 'Teeth Cleaning'], tail: ['For Aggressive Chewers', 'Puppy Teething'], sizes: ['S', 'M', 'L'], price: [199, 1299], weight: [50, 400], dims: [80, 250], material: M('Natural rubber', '天然橡胶', 'RUBBER'), packing: '1 x Chew toy' },
      { noun: 'Pet Water Fountain', cn: '宠物饮水机', cat: 'Pet Supplies/Pet Feeding/Feeders & Fountains', pre: ['Automatic', 'Ultra Quiet', 'LED'], tail: ['With Filter', 'Cat Drinking Dispenser'], sizes: ['1.5L', '2L', '2.5L'], sizeLabel: 'Capacity', colors: ['White', 'Grey', 'Blue'], price: [999, 3499], weight: [400, 1200], dims: [150, 250], material: M('ABS', 'ABS', 'PLASTIC'), packing: '1 x Fountain, 1 x Filter, 1 x USB cable', prop: 'ELECTRONIC' },
      { noun: 'Pet Bed', cn: '宠物窝', cat: 'Pet Supplies/Dog Supplies/Beds & Mats', pre: ['Calming', 'Donut', 'Plush', 'Washable'], tail: ['Anti Anxiety', 'Cuddler'], sizes: ['S', 'M', 'L', 'XL'], colors: ['Grey', 'Beige', 'Pink', 'Brown'], price: [699, 3999], weight: [500, 2500], dims: [400, 900], material: M('Plush', '毛绒', 'CLOTH'), packing: '1 x Pet bed' },
      { noun: 'Slow Feeder Bowl', cn: '慢食碗', cat: 'Pet Supplies/Pet Feeding/Bowls', pre: ['Anti Choke', 'Non Slip'], tail: ['Puzzle Feeder', 'Healthy Eating'], colors: ['Blue', 'Green', 'Pink', 'Grey'], sizes: ['S', 'M', 'L'], price: [249, 999], weight: [100, 400], dims: [150, 250], material: M('PP plastic', 'PP塑料', 'PLASTIC'), packing: '1 x Bowl' },
    ],
  },
  {
    key: 'phone', label: 'Phone Accessories', weight: 7, esoteric: false, skuCode: 'SJPJ',
    cn: ['手机配件'],
    tail: ['Phone Accessories', 'Compatible With iPhone Samsung', 'Fast Shipping', 'Premium Quality'],
    types: [
      { noun: 'Phone Case', cn: '手机壳', cat: 'Phones & Accessories/Phone Cases & Covers/Phone Cases', subjects: ['Clear', 'Marble', 'Crystal Glitter', 'Moon Phase', 'Tarot', 'Butterfly', 'Liquid Silicone'], pre: ['Shockproof', 'Magnetic', 'Slim'], tail: ['Protective Cover', 'MagSafe Compatible'], sizes: ['iPhone 15', 'iPhone 15 Pro', 'iPhone 15 Pro Max', 'iPhone 14', 'iPhone 13', 'Samsung Galaxy S24'], sizeLabel: 'Model', colors: ['Black', 'Clear', 'Purple', 'Pink'], price: [149, 999], weight: [20, 60], dims: [150, 170], material: M('TPU', 'TPU', 'PLASTIC'), packing: '1 x Phone case' },
      { noun: 'Screen Protector', cn: '钢化膜', cat: 'Phones & Accessories/Screen Protectors/Tempered Glass', pre: ['Tempered Glass', 'Privacy', 'Full Coverage'], counts: ['2Pcs', '3Pcs'], tail: ['9H Hardness', 'Bubble Free', 'With Install Frame'], sizes: ['iPhone 15', 'iPhone 15 Pro Max', 'iPhone 14', 'Samsung Galaxy S24'], sizeLabel: 'Model', price: [99, 699], weight: [30, 100], dims: [160, 200], material: M('Tempered glass', '钢化玻璃', 'GLASS'), packing: 'Screen protectors as specified' },
      { noun: 'Magnetic Car Mount', cn: '磁吸车载支架', cat: 'Phones & Accessories/Phone Holders & Stands/Car Holders', pre: ['360 Rotation', 'Strong Magnet', 'Dashboard'], tail: ['Phone Holder', 'Air Vent Clip'], colors: ['Black', 'Silver'], price: [299, 1299], weight: [60, 200], dims: [60, 120], material: M('Aluminium alloy', '铝合金', 'METAL'), packing: '1 x Car mount', prop: 'MAGNET' },
      { noun: 'USB C Cable', cn: '数据线', cat: 'Phones & Accessories/Chargers & Cables/Cables', pre: ['Fast Charging', 'Braided', '60W'], tail: ['Type C To Type C', 'Charger Cord'], sizes: ['1m', '2m', '3m'], sizeLabel: 'Length', colors: ['Black', 'White', 'Grey'], counts: ['1Pc', '2Pcs', '3Pcs'], price: [99, 799], weight: [20, 120], dims: [100, 150], material: M('Nylon braided copper', '尼龙编织铜线', 'ELECTRONIC'), packing: 'Cables as specified' },
      { noun: 'Wireless Charger', cn: '无线充电器', cat: 'Phones & Accessories/Chargers & Cables/Wireless Chargers', pre: ['15W', 'Fast', '3 In 1'], tail: ['Charging Stand', 'For AirPods Watch'], colors: ['Black', 'White'], price: [699, 2999], weight: [100, 400], dims: [100, 200], material: M('ABS', 'ABS', 'PLASTIC'), packing: '1 x Charger, 1 x Cable', prop: 'ELECTRONIC' },
      { noun: 'Phone Ring Holder', cn: '指环支架', cat: 'Phones & Accessories/Phone Holders & Stands/Ring Holders', subjects: ['Crystal', 'Moon', 'Marble', 'Butterfly'], pre: ['360 Rotating', 'Finger Grip'], tail: ['Kickstand', 'Car Mount Compatible'], colors: ['Gold', 'Silver', 'Black', 'Pink'], counts: ['1Pc', '2Pcs'], price: [99, 499], weight: [10, 30], dims: [30, 40], material: M('Zinc alloy', '锌合金', 'METAL'), packing: '1 x Ring holder' },
      { noun: 'Power Bank', cn: '充电宝', cat: 'Phones & Accessories/Chargers & Cables/Power Banks', pre: ['Slim', 'Magnetic', 'Portable'], subjects: ['10000mAh', '5000mAh', '20000mAh'], tail: ['External Battery', 'LED Display', 'Fast Charge'], colors: ['Black', 'White', 'Purple'], price: [999, 3999], weight: [150, 450], dims: [90, 150], material: M('ABS and lithium battery', 'ABS锂电池', 'ELECTRONIC'), packing: '1 x Power bank, 1 x Cable', prop: 'ELECTRONIC' },
      { noun: 'Phone Lanyard', cn: '手机挂绳', cat: 'Phones & Accessories/Phone Cases & Covers/Lanyards & Straps', subjects: ['Crystal Beads', 'Evil Eye Beads', 'Pearl', 'Braided'], pre: ['Crossbody', 'Wrist', 'Adjustable'], tail: ['Phone Strap', 'Anti Lost Chain'], colors: ['Black', 'Pink', 'Purple', 'Multicolor'], price: [99, 599], weight: [10, 40], dims: [150, 1200], material: M('Nylon and beads', '尼龙串珠', 'CLOTH'), packing: '1 x Lanyard' },
    ],
  },
  {
    key: 'fitness', label: 'Fitness', weight: 6, esoteric: false, skuCode: 'JSQC',
    cn: ['健身器材', '运动用品'],
    tail: ['Home Gym', 'Workout Equipment', 'Fitness Training', 'Exercise', 'For Women Men'],
    types: [
      { noun: 'Resistance Bands Set', cn: '弹力带套装', cat: 'Sports & Outdoors/Fitness & Bodybuilding/Resistance Bands', pre: ['Heavy Duty', 'Latex', 'Fabric'], counts: ['5Pcs', '11Pcs', '3Pcs'], tail: ['With Handles', 'Pilates Strength Training'], colors: ['Multicolor', 'Black', 'Pink'], price: [499, 2499], weight: [200, 900], dims: [150, 250], material: M('Natural latex', '天然乳胶', 'RUBBER'), packing: 'Bands as specified, 1 x Bag' },
      { noun: 'Yoga Mat', cn: '瑜伽垫', cat: 'Sports & Outdoors/Yoga/Yoga Mats', subjects: ['Mandala', 'Chakra', 'Moon', 'Plain', 'Alignment Lines'], pre: ['Non Slip', 'TPE', 'Extra Thick', 'Eco Friendly'], tail: ['With Carrying Strap', 'Pilates Mat'], sizes: ['6mm', '8mm', '10mm'], sizeLabel: 'Thickness', colors: ['Purple', 'Black', 'Blue', 'Pink', 'Green', 'Grey'], price: [999, 3999], weight: [800, 2000], dims: [600, 1850], material: M('TPE', 'TPE', 'RUBBER'), packing: '1 x Yoga mat, 1 x Strap' },
      { noun: 'Jump Rope', cn: '跳绳', cat: 'Sports & Outdoors/Fitness & Bodybuilding/Jump Ropes', pre: ['Speed', 'Weighted', 'Cordless', 'Adjustable'], tail: ['Skipping Rope', 'Tangle Free'], colors: ['Black', 'Pink', 'Blue'], price: [199, 1299], weight: [100, 500], dims: [150, 300], material: M('PVC and steel wire', 'PVC钢丝', 'PLASTIC'), packing: '1 x Jump rope' },
      { noun: 'Ab Roller Wheel', cn: '健腹轮', cat: 'Sports & Outdoors/Fitness & Bodybuilding/Ab Rollers', pre: ['Automatic Rebound', 'Double Wheel', 'Silent'], tail: ['Core Trainer', 'With Knee Pad'], colors: ['Black', 'Pink', 'Green'], price: [499, 1999], weight: [500, 1500], dims: [250, 350], material: M('ABS and steel', 'ABS钢', 'PLASTIC'), packing: '1 x Ab roller, 1 x Knee pad' },
      { noun: 'Hand Grip Strengthener', cn: '握力器', cat: 'Sports & Outdoors/Fitness & Bodybuilding/Hand Grips', pre: ['Adjustable', 'Counting'], counts: ['1Pc', '2Pcs', '5Pcs'], tail: ['Forearm Exerciser', '5-60kg'], colors: ['Black', 'Grey', 'Blue'], price: [149, 899], weight: [80, 400], dims: [150, 200], material: M('ABS and spring steel', 'ABS弹簧钢', 'PLASTIC'), packing: 'Grips as specified' },
      { noun: 'Yoga Block', cn: '瑜伽砖', cat: 'Sports & Outdoors/Yoga/Yoga Accessories', pre: ['High Density', 'EVA Foam', 'Cork'], counts: ['1Pc', '2Pcs'], tail: ['Stretching Support', 'Yoga Brick'], colors: ['Purple', 'Blue', 'Pink', 'Black', 'Natural'], price: [199, 999], weight: [150, 800], dims: [150, 230], material: M('EVA foam', 'EVA泡沫', 'PLASTIC'), packing: 'Blocks as specified' },
      { noun: 'Massage Ball', cn: '按摩球', cat: 'Sports & Outdoors/Fitness & Bodybuilding/Massage Tools', pre: ['Spiky', 'Peanut', 'Lacrosse'], counts: ['1Pc', '2Pcs', '4Pcs'], tail: ['Myofascial Release', 'Deep Tissue Trigger Point'], colors: ['Black', 'Blue', 'Orange'], price: [149, 899], weight: [80, 400], dims: [60, 150], material: M('TPR', 'TPR', 'RUBBER'), packing: 'Massage balls as specified' },
      { noun: 'Ankle Weights', cn: '沙袋绑腿', cat: 'Sports & Outdoors/Fitness & Bodybuilding/Weights', pre: ['Adjustable', 'Wrist'], counts: ['1 Pair'], tail: ['Walking Running', 'Pilates'], sizes: ['1kg', '2kg', '3kg'], sizeLabel: 'Weight', colors: ['Black', 'Pink', 'Purple'], price: [499, 1999], weight: [1000, 3000], dims: [250, 350], material: M('Neoprene and iron sand', '潜水料铁砂', 'CLOTH'), packing: '1 x Pair of ankle weights' },
    ],
  },
  {
    key: 'beauty', label: 'Beauty', weight: 6, esoteric: false, skuCode: 'MZGJ',
    cn: ['美妆工具', '美容'],
    tail: ['Beauty Tools', 'Makeup Accessories', 'Skin Care', 'Gift For Women', 'Travel Friendly'],
    types: [
      { noun: 'Makeup Brush Set', cn: '化妆刷套装', cat: 'Health, Beauty & Hair/Makeup/Makeup Brushes', pre: ['Professional', 'Soft Synthetic', 'Premium'], counts: ['10Pcs', '14Pcs', '20Pcs'], tail: ['Foundation Blending', 'Eyeshadow Brushes', 'With Bag'], colors: ['Black', 'Pink', 'White', 'Champagne'], price: [399, 1999], weight: [100, 400], dims: [150, 200], material: M('Synthetic fibre', '人造纤维', 'CLOTH'), packing: 'Brushes as specified, 1 x Bag' },
      { noun: 'Jade Roller Gua Sha Set', cn: '玉石滚轮刮痧板', cat: 'Health, Beauty & Hair/Skin Care Tools/Face Massagers', subjects: ['Rose Quartz', 'Jade', 'Amethyst', 'Black Obsidian'], pre: ['Natural', '2 In 1'], tail: ['Face Massager', 'Lymphatic Drainage', 'Anti Aging'], price: [399, 1999], weight: [150, 400], dims: [140, 160], material: M('Natural stone', '天然石', 'STONE'), packing: '1 x Roller, 1 x Gua sha, 1 x Box' },
      { noun: 'Nail Art Stickers', cn: '美甲贴纸', cat: 'Health, Beauty & Hair/Nail Art & Tools/Nail Stickers', subjects: ['Moon And Star', 'Tarot', 'Butterfly', 'Flower', 'Gold Foil'], pre: ['3D', 'Self Adhesive'], counts: ['6 Sheets', '10 Sheets', '20 Sheets'], tail: ['Nail Decals', 'DIY Manicure'], price: [99, 499], weight: [10, 50], dims: [80, 120], material: M('PVC', 'PVC', 'PLASTIC'), packing: 'Sheets as specified' },
      { noun: 'Hair Claw Clips', cn: '抓夹', cat: 'Health, Beauty & Hair/Hair Accessories/Hair Clips', pre: ['Large', 'Matte', 'Marble'], counts: ['4Pcs', '6Pcs', '8Pcs'], tail: ['Strong Hold', 'For Thick Hair'], colors: ['Neutral', 'Black', 'Pink', 'Tortoise'], price: [199, 999], weight: [50, 200], dims: [80, 130], material: M('Acetate', '醋酸纤维', 'PLASTIC'), packing: 'Clips as specified' },
      { noun: 'Facial Cleansing Brush', cn: '洁面仪', cat: 'Health, Beauty & Hair/Skin Care Tools/Cleansing Brushes', pre: ['Electric', 'Silicone', 'Waterproof'], tail: ['Sonic Face Scrubber', 'Rechargeable'], colors: ['Pink', 'White', 'Purple', 'Blue'], price: [599, 2499], weight: [80, 200], dims: [80, 150], material: M('Silicone', '硅胶', 'SILICONE'), packing: '1 x Cleansing brush, 1 x USB cable', prop: 'ELECTRONIC' },
      { noun: 'Makeup Organizer', cn: '化妆品收纳盒', cat: 'Health, Beauty & Hair/Makeup/Makeup Tools', pre: ['Rotating', 'Acrylic', 'Large Capacity'], tail: ['Cosmetic Storage', 'Vanity Countertop'], colors: ['Clear', 'White', 'Pink', 'Black'], price: [699, 2999], weight: [400, 1500], dims: [200, 300], material: M('Acrylic', '亚克力', 'PLASTIC'), packing: '1 x Organizer' },
      { noun: 'Heatless Hair Curler', cn: '无热卷发棒', cat: 'Health, Beauty & Hair/Hair Accessories/Hair Styling Tools', pre: ['Silk', 'Overnight', 'Satin'], tail: ['No Heat Curls', 'Sleep In Rollers'], colors: ['Pink', 'Black', 'Champagne', 'Purple'], price: [199, 899], weight: [50, 150], dims: [800, 900], material: M('Silk', '丝绸', 'CLOTH'), packing: '1 x Curling rod, 2 x Scrunchies, 2 x Clips' },
    ],
  },
  {
    key: 'toys', label: 'Toys', weight: 5, esoteric: false, skuCode: 'WJYZ',
    cn: ['玩具', '儿童玩具'],
    tail: ['Kids Toys', 'Birthday Gift', 'For Boys Girls', 'Educational Toy', 'Stress Relief'],
    types: [
      { noun: 'Fidget Toy', cn: '解压玩具', cat: 'Toys, Kids & Babies/Stress Relief Toys/Fidget Toys', subjects: ['Pop It', 'Spinner', 'Cube', 'Squishy', 'Sensory'], pre: ['Anti Anxiety', 'Silicone', 'Mini'], counts: ['1Pc', '3Pcs', '10Pcs'], tail: ['Party Favors', 'ADHD Autism'], colors: ['Rainbow', 'Blue', 'Pink', 'Purple'], price: [99, 999], weight: [30, 300], dims: [60, 200], material: M('Silicone', '硅胶', 'SILICONE'), packing: 'Toys as specified' },
      { noun: 'Building Blocks', cn: '积木', cat: 'Toys, Kids & Babies/Building & Construction Toys/Blocks', subjects: ['Castle', 'Flower Bouquet', 'Space Station', 'Bonsai Tree', 'Crystal House'], pre: ['Creative', 'Mini', 'DIY'], counts: ['500Pcs', '1000Pcs', '1200Pcs'], tail: ['Compatible Bricks', 'Model Kit'], price: [999, 4999], weight: [400, 2000], dims: [200, 350], material: M('ABS', 'ABS', 'PLASTIC'), packing: 'Bricks, instructions' },
      { noun: 'Plush Toy', cn: '毛绒玩具', cat: 'Toys, Kids & Babies/Stuffed Animals & Plush/Plush Animals', subjects: ['Axolotl', 'Cat', 'Frog', 'Moon', 'Mushroom', 'Dinosaur'], pre: ['Soft', 'Kawaii', 'Weighted'], tail: ['Stuffed Animal', 'Hugging Pillow'], sizes: ['20cm', '35cm', '50cm'], price: [299, 1999], weight: [100, 800], dims: [200, 500], material: M('PP cotton', 'PP棉', 'CLOTH'), packing: '1 x Plush toy' },
      { noun: '3D Wooden Puzzle', cn: '3D木质拼图', cat: 'Toys, Kids & Babies/Puzzles/3D Puzzles', subjects: ['Music Box', 'Globe', 'Clock', 'Ship', 'Tree House'], pre: ['DIY', 'Laser Cut'], tail: ['Model Kit For Adults', 'Brain Teaser'], price: [899, 3999], weight: [300, 1200], dims: [200, 350], material: M('Plywood', '胶合板', 'WOOD'), packing: 'Wooden sheets, instructions' },
      { noun: 'LCD Writing Tablet', cn: '液晶手写板', cat: 'Toys, Kids & Babies/Learning & Education/Drawing Toys', pre: ['Colorful', 'Erasable', 'Doodle'], tail: ['Drawing Board', 'Travel Toy'], sizes: ['8.5 Inch', '10 Inch', '12 Inch'], colors: ['Blue', 'Pink', 'Green', 'Black'], price: [299, 1299], weight: [100, 300], dims: [200, 300], material: M('ABS', 'ABS', 'PLASTIC'), packing: '1 x Tablet, 1 x Stylus', prop: 'ELECTRONIC' },
      { noun: 'Bubble Machine', cn: '泡泡机', cat: 'Toys, Kids & Babies/Outdoor Fun/Bubble Toys', subjects: ['Rocket', 'Gatling', 'Dinosaur', 'Camera'], pre: ['Automatic', 'Electric', 'Handheld'], tail: ['With Bubble Solution', 'Party Toy'], colors: ['Blue', 'Pink', 'Green'], price: [499, 1999], weight: [200, 700], dims: [150, 250], material: M('ABS', 'ABS', 'PLASTIC'), packing: '1 x Bubble machine, 1 x Bubble solution', prop: 'LIQUID' },
      { noun: 'Magnetic Tiles', cn: '磁力片', cat: 'Toys, Kids & Babies/Building & Construction Toys/Magnetic Toys', pre: ['3D', 'Clear Color'], counts: ['32Pcs', '60Pcs', '100Pcs'], tail: ['STEM Building Set', 'Montessori'], price: [1499, 4999], weight: [500, 2000], dims: [200, 350], material: M('ABS and magnets', 'ABS磁铁', 'PLASTIC'), packing: 'Tiles as specified', prop: 'MAGNET' },
    ],
  },
];

/** Niche by key. */
export const NICHE_BY_KEY: ReadonlyMap<string, NicheDef> = new Map(NICHES.map((n) => [n.key, n]));

export const BASIC = { STONE_COLORS, BASIC_COLORS };

/** Chinese words for subjects that have a common translation; others fall back to the noun's. */
export const CN_WORDS: Readonly<Record<string, string>> = {
  Amethyst: '紫水晶', 'Rose Quartz': '粉水晶', 'Clear Quartz': '白水晶', Citrine: '黄水晶', 'Black Obsidian': '黑曜石', 'Tiger Eye': '虎眼石',
  Labradorite: '拉长石', Fluorite: '萤石', Selenite: '透石膏', 'Lapis Lazuli': '青金石', Amazonite: '天河石', 'Black Tourmaline': '黑碧玺',
  'Green Aventurine': '东陵玉', Carnelian: '红玛瑙', Moonstone: '月光石', Malachite: '孔雀石', Rhodonite: '蔷薇辉石', Sodalite: '方钠石',
  Jade: '玉石', Agate: '玛瑙', 'Smoky Quartz': '茶晶', Howlite: '白松石', Hematite: '赤铁矿', Unakite: '绿帘石', Opalite: '蛋白石', Pyrite: '黄铁矿',
  Lavender: '薰衣草', Sandalwood: '檀香', Vanilla: '香草', Eucalyptus: '桉树', Rose: '玫瑰', Jasmine: '茉莉', Frankincense: '乳香', Myrrh: '没药',
  Patchouli: '广藿香', Cinnamon: '肉桂', Amber: '琥珀', Lemongrass: '柠檬草', 'White Sage': '白鼠尾草', 'Palo Santo': '圣木',
  'Tree Of Life': '生命树', Moon: '月亮', Pentagram: '五芒星', Lotus: '莲花', Mandala: '曼陀罗', 'Evil Eye': '恶魔之眼', Hamsa: '法蒂玛之手',
  '7 Chakra': '七脉轮', 'Lava Stone': '火山石', Buddha: '佛', Dragon: '龙', Cat: '猫', Butterfly: '蝴蝶',
};
