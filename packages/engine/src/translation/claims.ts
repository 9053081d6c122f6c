// Health, luck and magic claims. An EU shop may not claim that a stone heals or an amulet protects
// (unfair commercial practices; medical claims need evidence), and the system this replaces did
// exactly that in every description. Titles never compose claims (the glossary drops the words);
// these patterns catch them in supplier descriptions and in what remote providers return.

// Word boundaries that understand accented letters (\b does not: "proteção" ends in a non-ASCII letter).
const W = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;

const EN = [
  String.raw`heal(?:s|ing|er|ed)?`,
  String.raw`cures?|curing|cured`,
  'reiki',
  String.raw`protect(?:s|ion|ive|ing)?`,
  String.raw`luck(?:y)?`,
  'good fortune',
  String.raw`wealth|prosperity|abundance`,
  String.raw`attract(?:s|ion|ing)?`,
  String.raw`miracle|miraculous`,
  String.raw`anxiety|depression|insomnia|migraine|arthritis|ailments?|diseases?|illness(?:es)?`,
  'stress relief',
  String.raw`negative energ(?:y|ies)|positive energ(?:y|ies)|bad energ(?:y|ies)`,
  String.raw`evil spirits?|ward(?:s|ing)? off`,
  String.raw`therap(?:y|ies|eutic)|medicin(?:e|al)`,
  String.raw`purif(?:y|ies|ying|ication)|cleans(?:e|es|ing)`,
  String.raw`manifest(?:s|ing|ation)?|law of attraction`,
  String.raw`chakra balanc(?:e|ing)|balanc(?:e|es|ing) (?:the |your )?chakras?`,
];

const PT = [
  String.raw`cura[rs]?|curad[oa]s?|curativ\p{L}*|cicatriza\p{L}*`,
  String.raw`proteg\p{L}*|proteção espiritual|proteção contra|protetora? espiritual`,
  String.raw`sorte|azar`,
  String.raw`milagr\p{L}*`,
  String.raw`atrai|atraem|atrair|atração|lei da atração`,
  String.raw`riqueza|prosperidade|abundância|fortuna`,
  String.raw`energias? (?:positivas?|negativas?)|más energias|mau[- ]olhado`,
  String.raw`afasta\p{L}*|espíritos malignos`,
  String.raw`terapêutic\p{L}*|medicinal|medicinais`,
  String.raw`ansiedade|depressão|insónia|doenças?|enxaquecas?`,
  String.raw`purifica\p{L}*|limpeza energética`,
  String.raw`equilibra\p{L}* (?:os |o |dos )?chakras?|alinha\p{L}* (?:os )?chakras`,
  'reiki',
  String.raw`manifesta\p{L}*`,
];

const CLAIM_RE = new RegExp(`${W}(?:${[...EN, ...PT].join('|')})${E}`, 'giu');

/** The claim words found in a text (English or Portuguese), lower-cased, de-duplicated. */
export function findClaims(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(CLAIM_RE)) found.add(m[0].toLowerCase());
  return [...found];
}

export function hasClaim(text: string): boolean {
  CLAIM_RE.lastIndex = 0;
  const hit = CLAIM_RE.test(text);
  CLAIM_RE.lastIndex = 0;
  return hit;
}
