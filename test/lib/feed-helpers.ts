/** What the parser tests share. */
import {FeedError, type ParseResult, type ParsedFeed} from '../../src/lib/model.js';

/** The parsed feed, or a failed test naming the error the parser returned instead. */
export function feedOf(result: ParseResult): ParsedFeed {
  if (result instanceof FeedError) throw new Error(`expected a feed, got ${result.code}: ${result.message}`);
  return result;
}
