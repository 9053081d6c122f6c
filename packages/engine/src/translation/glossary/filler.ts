// Words removed from titles, and the few that steer the parser (audience, "with").
//
// Claims are dropped, not translated: "Healing Stone" is a stone, "Protection Bracelet" a
// bracelet. An EU shop may not promise that a stone heals or an eye protects, and the system this
// replaces did exactly that. Marketing filler ("Hot Sale", "2024 New", "Dropshipping") carries no
// information for a shopper and made titles collide less only by accident.
import { drop } from './build.js';
import type { GlossaryLine } from './types.js';

export const claims: readonly GlossaryLine[] = [
  drop(['healing', 'heal', 'healer', 'healing stone', 'healing crystal', 'healing crystals', 'reiki', 'reiki healing', 'energy healing',
    'crystal healing', 'balancing', 'balance', 'energy', 'energies', 'positive energy',
    'negative energy', 'spiritual energy', 'protection', 'protective', 'protect', 'protecting', 'evil protection', 'lucky', 'luck',
    'good luck', 'fortune', 'good fortune', 'wealth', 'money', 'prosperity', 'abundance', 'success', 'love', 'attract', 'attraction',
    'manifest', 'manifestation', 'manifesting', 'blessing', 'blessed', 'bless', 'magic', 'magical', 'spell', 'spells', 'witchcraft',
    'power', 'powerful', 'therapy', 'therapeutic', 'therapeutical', 'anxiety', 'anti anxiety', 'stress', 'stress relief', 'relief',
    'relax', 'relaxing', 'relaxation', 'calm', 'calming', 'sleep aid', 'focus', 'clarity', 'intuition', 'harmony', 'aura', 'cleansing',
    'cleanse', 'purification', 'purify', 'purifying', 'vibration', 'vibrations', 'frequency', 'grounding', 'emf', 'anti radiation',
    'radiation', 'spiritual', 'spirituality', 'soul', 'mind', 'body and mind', 'mindfulness', 'wellness', 'wellbeing', 'health',
    'healthy', 'medicine', 'medicinal', 'cure', 'miracle', 'sacred', 'holy', 'divine', 'awakening', 'ritual',
    'rituals', 'meditation', 'yoga', 'prayer', 'worship', 'temple', 'fortune telling', 'divination', 'divination tool',
    'holy wood', 'fools gold', 'fool gold', 'buddhist supplies', 'pagan supplies', 'altar supplies',
    'witch supplies', 'witchy', 'amulet protection', 'guardian', 'talismans', 'feng shui wealth', 'evil', 'ward off', 'auspicious', 'generator', 'energy generator', 'god', 'deity', 'gods',
    'sound healing', 'sound therapy', 'vibration healing', 'chakra healing', 'chakra balancing', 'chakra balance', 'space clearing',
    'energy cleansing', 'negative energy removal', 'spiritual reading', 'intention', 'intentions', 'intention candle'], 'claim'),
];

export const filler: readonly GlossaryLine[] = [
  drop(['hot', 'hot sale', 'hot selling', 'best selling', 'bestseller', 'best seller', 'sale', 'new', 'new arrival', 'newest', 'latest',
    'new style', 'new design', 'new product', 'upgrade', 'upgraded', 'wholesale', 'dropshipping', 'drop shipping', 'dropship',
    'free shipping', 'fast shipping', 'in stock', 'cross border', 'amazon', 'ebay', 'aliexpress', 'ins', 'ins style', 'tiktok',
    'european and american', 'european', 'american', 'korean', 'korean style', 'niche', 'light luxury', 'luxury', 'high end',
    'high quality', 'quality', 'premium', 'top', 'top quality', 'best', 'popular', 'trendy', 'trend', 'fashion', 'fashionable',
    'creative', 'cute', 'beautiful', 'pretty', 'lovely', 'charming', 'elegant', 'exquisite', 'gorgeous', 'amazing', 'unique',
    'perfect', 'ideal', 'cool', 'classic', 'simple', 'fresh', 'sweet', 'romantic', 'temperament', 'all match', 'versatile',
    'design', 'designs', 'style', 'styles', 'type', 'model', 'version', 'series', 'collection', 'collectible', 'collectable',
    'specimen', 'mineral specimen', 'crafts', 'craft', 'handicraft', 'handicrafts', 'artware', 'souvenir', 'souvenirs',
    'gift', 'gifts', 'present', 'presents', 'gift for', 'gift idea', 'gift ideas', 'birthday', 'birthday gift', 'christmas',
    'christmas gift', 'xmas', 'valentine', 'valentines', 'valentines day', 'mothers day', 'fathers day', 'anniversary', 'wedding',
    'party', 'festival', 'holiday', 'halloween', 'easter', 'home', 'household', 'room', 'living room', 'bedroom', 'office', 'study',
    'house', 'indoor', 'interior', 'shop', 'store', 'display', 'showcase', 'natural color', 'original', 'genuine', 'real',
    'authentic', 'certified', 'pure', 'grade a', 'aaa', 'aa', 'grade', 'quality assurance', 'random', 'assorted', 'mixed',
    'random color', 'random colour', 'mixed color', 'mixed colors', 'multiple colors', 'various colors', 'many colors',
    'color', 'colors', 'colour', 'colours', 'optional', 'available', 'selectable', 'choose', 'size', 'sizes', 'piece',
    'pieces', 'pc', 'pcs', 'set', 'sets', 'lot', 'pack', 'package', 'packaging', 'bulk', 'batch', 'shaped', 'shape', 'form',
    'jewelry making', 'diy', 'making', 'accessories for', 'fit', 'fits', 'suitable', 'compatible', 'use', 'used', 'using',
    'daily', 'everyday', 'casual', 'party wear', 'wear', 'wearing', 'lady', 'girlfriend', 'boyfriend', 'wife', 'husband', 'mom',
    'mother', 'dad', 'father', 'friend', 'friends', 'sister', 'family', 'teen', 'teens', 'adult', 'adults', 'people', 'person',
    'approx', 'about', 'around', 'inch', 'fashion jewelry', 'jewelry gift', 'women jewelry', 'men jewelry', 'charm jewelry',
    'boutique', 'brand', 'branded', 'aromatherapy', 'scent', 'scents', 'mixed scents', 'fragrance', 'fragrances',
    'church', 'stick', 'tube', 'tubes', 'aesthetic', 'sitting', 'standing', 'dinner', 'air vent', 'vent', 'air outlet', 'oem', 'odm', 'factory', 'direct', 'supplier', 'one', 'pair', 'pairs', '1 pair', 'x',
    // Where or how CJ suggests using it, tagged onto every product of a niche: not what the product is.
    'tea room', 'tea room decor', 'tearoom', 'ceramic ornament', 'feng shui ornament', 'feng shui figurine', 'feng shui decor', 'office desk decoration', 'gemstone gift', 'druzy specimen', 'mixed gravel',
    'aquarium decoration', 'aquarium decor', 'plant pot decor', 'for beginners', 'beginners', 'beginner', 'beginners set', 'astrology gift',
    'astrology', 'self care', 'self care deck', 'card storage', 'pagan altar', 'witch altar', 'wiccan altar', 'long lasting',
    'table centerpiece', 'table centrepiece', 'centerpiece', 'centrepiece', 'crystals inside', 'crystal inside', 'for warmer burner',
    'warmer burner', 'for wax warmer', 'for warmer', 'rattan sticks', 'rattan reeds', 'reed sticks', 'fiber sticks', 'bathroom air freshener',
    'crystal display', 'dorm', 'dorm decor', 'dorm room decor', 'beach blanket', 'nursery', 'nursery decor', 'door hanging', 'door hanger',
    'shelf decor', 'shelf decoration', 'memorial', 'memorial gift', 'sympathy gift', 'beach jewelry', 'beach jewellery', 'summer',
    'note c d e f g a b', 'globe ornament', 'card game', 'card games'], 'filler'),
];

export const stopwords: readonly GlossaryLine[] = [
  drop(['a', 'an', 'the', 'and', 'or', 'of', 'for', 'to', 'in', 'on', 'at', 'by', 'from', 'as', 'is', 'are', 'be', 'it', 'its',
    'this', 'that', 'these', 'those', 'your', 'you', 'my', 'our', 'we', 'his', 'their', 'them', 'he', 'she', 'into', 'onto',
    'over', 'under', 'up', 'out', 'off', 'per', 'each', 'every', 'any', 'all', 'more', 'most', 'very', 'so', 'too', 'also',
    'amp', 'etc', 'including', 'include', 'includes', 'without', 'w'], 'stopword'),
];

export const steering: readonly GlossaryLine[] = [
  [['with', 'comes with', 'come with', 'including a'], { kind: 'with' }],
  [['women', 'woman', 'womens', 'ladies', 'female', 'girl', 'girls', 'her', 'for women', 'for her', 'for girls', 'women girls',
    'girls women'], { kind: 'audience', who: 'women' }],
  [['men', 'man', 'mens', 'male', 'gentleman', 'for men', 'for him', 'him'], { kind: 'audience', who: 'men' }],
  [['women men', 'men women', 'men and women', 'women and men', 'unisex', 'for women men', 'for men women', 'for men and women',
    'for women and men', 'him and her', 'her and him', 'his and hers'], { kind: 'audience', who: 'unisex' }],
  [['kids', 'kid', 'children', 'child', 'baby', 'boys', 'boy', 'toddler', 'for kids', 'for children'], { kind: 'audience', who: 'kids' }],
  [['couple', 'couples', 'lovers', 'for couples', 'matching'], { kind: 'audience', who: 'couple' }],
];
