import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { sql, type SQL } from 'drizzle-orm';

// One dictionary load per process (≈0.3 s); segmentation itself is microseconds per sentence.
let jieba: Jieba | undefined;
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

// Keep words: CJK runs, letters and digits; punctuation and spaces are not search terms.
const WORD = /[\p{Script=Han}\p{L}\p{N}]/u;

function words(tokens: string[]): string[] {
  return tokens.map((token) => token.trim().toLowerCase()).filter((token) => token && WORD.test(token));
}

/** Tokens for the index: search-mode segmentation also keeps the shorter words inside long ones. */
export function indexTokens(...texts: (string | null | undefined)[]): string {
  const joined = texts.filter(Boolean).join('\n');
  return words(segmenter().cutForSearch(joined, true)).join(' ');
}

/** A tsvector over the 'simple' configuration, which indexes the jieba tokens as they are. */
export function searchVectorOf(...texts: (string | null | undefined)[]): SQL {
  return sql`to_tsvector('simple', ${indexTokens(...texts)})`;
}

/** Every word of the query must match; null when the query has no searchable word. */
export function searchQueryOf(query: string): SQL | null {
  const tokens = words(segmenter().cut(query, true));
  if (tokens.length === 0) return null;
  return sql`plainto_tsquery('simple', ${tokens.join(' ')})`;
}

/** The most telling words of a text, for "similar report" look-ups. */
export function keywordsOf(text: string, limit: number): string[] {
  const counts = new Map<string, number>();
  for (const token of words(segmenter().cut(text, true))) {
    if ([...token].length < 2) continue;
    counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || [...b[0]].length - [...a[0]].length)
    .slice(0, limit)
    .map(([token]) => token);
}
