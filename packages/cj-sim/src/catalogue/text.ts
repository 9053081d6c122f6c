// Word handling shared by the generator and the search: tokenising and a light English stemmer, so
// "crystals" finds "Crystal" and "boxes" finds "Box" (CJ's Elasticsearch analyses words too).

const STOP = new Set(['a', 'an', 'and', 'for', 'of', 'the', 'with', 'to', 'in', 'on', 'by', 'or']);

export function words(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9']+/).map((w) => w.replace(/'/g, '')).filter((w) => w !== '');
}

export function stem(word: string): string {
  if (word.length <= 3 || /^\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ches|shes|sses|xes|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

export function tokens(text: string): string[] {
  return words(text).map(stem);
}

export function isStopWord(stemmed: string): boolean {
  return STOP.has(stemmed);
}
