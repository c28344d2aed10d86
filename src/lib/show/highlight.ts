/**
 * Where search words occur in a text, for marking them. Matching uses the same folding as the
 * filter (case and accents ignored), so "mote" marks "Möte"; folding can change a string's
 * length ("İ" lower-cases to two code units), so positions are mapped back character by
 * character rather than assumed equal.
 */
import {foldText} from './filter.js';

export interface TextPiece {
  text: string;
  match: boolean;
}

/** Splits `text` into pieces, marking every occurrence of any of `words` (already folded or not). */
export function highlightPieces(text: string, words: readonly string[]): TextPiece[] {
  const wanted = words.map(foldText).filter(Boolean);
  if (!wanted.length || !text) return [{text, match: false}];
  // folded[i] is the folded form of the i-th character; origin maps folded offsets back.
  let folded = '';
  const origin: number[] = [];
  const chars = [...text];
  let offset = 0;
  for (const char of chars) {
    const f = char
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    for (let k = 0; k < f.length; k++) origin.push(offset);
    folded += f;
    offset += char.length;
  }
  origin.push(text.length);
  const marked = new Uint8Array(text.length);
  for (const word of wanted) {
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + word.length)) {
      marked.fill(1, origin[at], origin[at + word.length]);
    }
  }
  const pieces: TextPiece[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || marked[i] !== marked[start]) {
      pieces.push({text: text.slice(start, i), match: marked[start] === 1});
      start = i;
    }
  }
  return pieces;
}
