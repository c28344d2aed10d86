/**
 * The feed parsers for runtimes without a DOM of their own (Node 20, Workers): the command line
 * and the relay import them from here. Importing this module gives the parsers a DOM
 * (dom-portable.ts: @xmldom/xmldom for XML, parse5 for HTML); the browser bundle never imports
 * it and uses the browser's own parsers instead.
 */
import {installDom} from './dom.js';
import {portableDom} from './dom-portable.js';

installDom(portableDom);

export {chooseFormat, likelyFormat, parseFeed, type FormatChoice} from './index.js';
export type {FeedReader} from './reader.js';
