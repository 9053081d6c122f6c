// Checks on what a remote provider returns, before it is cached or shown.
import { findClaims } from '../claims.js';
import { htmlToLines } from '../html.js';
import { TranslationError, type TextKind } from '../types.js';

/**
 * Normalises a remote answer to the translator's output format (one line for a title, plain text
 * lines for a description) and refuses empty answers and answers that make claims.
 */
export function acceptOutput(provider: string, kind: TextKind, raw: string): string {
  // Models like to wrap answers in quotes or code fences; HTML from DeepL becomes plain lines.
  const unwrapped = raw.replace(/^\s*```[a-z]*\s*|\s*```\s*$/g, '').trim();
  const lines = htmlToLines(unwrapped.replace(/\n/g, '<br>'));
  let text = kind === 'title' ? (lines[0] ?? '') : lines.join('\n');
  if (kind === 'title') text = text.replace(/^["'“”«»]+|["'“”«»]+$/g, '').trim();
  if (!text) throw new TranslationError('empty', provider, `${provider} returned an empty ${kind}`);
  const claims = findClaims(text);
  if (claims.length > 0) {
    throw new TranslationError('claim_in_output', provider, `${provider} returned a ${kind} with a health or magic claim (${claims.join(', ')})`);
  }
  return text;
}
