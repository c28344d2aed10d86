/**
 * The one interface every feed format's module exports (`export const reader`), so the registry
 * (index.ts) loads and runs each the same way.
 */
import type {ParseContext, ParseResult} from '../events/model.js';
import type {Steps} from './steps.js';

/** What a reader may be told besides the text and the context. */
export interface ReadOptions {
  /** JSON only: a custom field mapping, `"title:name, start:when.begins"` (json-fields.ts). */
  fields?: string;
}

/**
 * One feed format's parser, as every format module exports it (`export const reader`); the
 * registry below says which formats each reads (the RSS reader reads Atom too).
 */
export interface FeedReader {
  /**
   * The work of reading `text`, as steps that may pause (steps.ts) and, given `ctx.preview`,
   * show a first look mid-way (preview.ts). A promise when the text needs more code first (JSON's
   * rarer shapes fetch their readers), which rejects only when that code cannot be fetched. Never
   * throws for a bad feed: a FeedError is the result.
   */
  steps(text: string, ctx: ParseContext, options: ReadOptions): Steps<ParseResult> | Promise<Steps<ParseResult>>;
}
