/**
 * Finds the web and e-mail addresses in plain text (linkify-it: full Unicode, fuzzy links such
 * as "gnistor.se", e-mail addresses) and splits the text into pieces, each plain text or a link.
 * Nothing here makes HTML: the card draws the pieces as text nodes and `<a>` elements, so feed
 * text never passes through `innerHTML`. Only `http:`, `https:` and `mailto:` addresses become
 * links, and an address is kept only when the URL parser reads it as one of those.
 */
import {LinkifyIt} from 'linkify-it';

/** A piece of text; `href` when it is an address to link. */
export interface TextPiece {
  text: string;
  /** The link's target: absolute `http(s):` or `mailto:`. */
  href?: string;
}

// Protocol-relative "//host" and ftp: are not links people can follow from a description.
const finder = new LinkifyIt({fuzzyLink: true, fuzzyEmail: true, fuzzyIP: false}).add('ftp:', null).add('//', null);

/** `text` split into plain pieces and links, in order; the pieces' texts joined are `text`. */
export function linkPieces(text: string): TextPiece[] {
  const matches = finder.match(text);
  if (!matches) return [{text}];
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const match of matches) {
    const href = safeHref(match.url);
    if (!href) continue;
    if (match.index > at) pieces.push({text: text.slice(at, match.index)});
    pieces.push({text: match.raw, href});
    at = match.lastIndex;
  }
  if (at < text.length) pieces.push({text: text.slice(at)});
  return pieces.length ? pieces : [{text}];
}

/** The address as the URL parser reads it, when that is http(s) or mailto; else nothing. */
function safeHref(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' || parsed.protocol === 'mailto:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
