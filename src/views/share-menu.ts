/**
 * The share menus of the list's toolbar (`controls="subscribe print copy"`): each a disclosure
 * (`<details>`/`<summary>`, so Enter, Space and a screen reader's "collapsed/expanded" work without
 * scripts) whose panel drops below its button. Escape closes an open menu and gives the focus back
 * to its button; opening one closes the others; a press elsewhere, or the focus moving out of a
 * menu, closes it.
 * Templates only: the state and the actions are controllers/share-actions.ts's.
 */
import {css, html, nothing} from 'lit';
import type {ShareStrings} from '../lib/locales/en-share.js';
import type {SubscribeLink} from '../lib/share/subscribe.js';

export type ShareControl = 'subscribe' | 'print' | 'copy';

/** The formats the copy menu offers. */
export type CopyFormat = 'text' | 'markdown' | 'html' | 'mastodon';

/** What the menus read and do (controllers/share-actions.ts). */
export interface ShareMenuState {
  /** The subscribe menu's links, once worked out. */
  readonly links?: SubscribeLink[];
  /** The Mastodon posts of the shown events, once made. */
  readonly posts?: string[];
  /** What the copy menu says after a copy. */
  copyOutcome?: 'copied' | 'failed';
  refreshLinks(): void;
  preparePosts(): void;
  copyText(format: CopyFormat, post?: number): Promise<string>;
  print(size: 'a4' | 'a3'): Promise<void>;
}

/** The share strings as a view reads them (each count a function of the number). */
type Strings = {[K in keyof ShareStrings]: ShareStrings[K] extends {other: string} ? (n: number) => string : ShareStrings[K]};

function onToggle(e: Event, opened: () => void) {
  const menu = e.currentTarget as HTMLDetailsElement;
  if (!menu.open) return;
  // One menu open at a time.
  for (const other of menu.parentElement!.querySelectorAll('details[open]')) if (other !== menu) (other as HTMLDetailsElement).open = false;
  // A press anywhere else on the page closes it, as menus do.
  const outside = (event: Event) => {
    if (!event.composedPath().includes(menu)) menu.open = false;
  };
  addEventListener('pointerdown', outside, true);
  menu.addEventListener('toggle', () => removeEventListener('pointerdown', outside, true), {once: true});
  opened();
}

function onKeydown(e: KeyboardEvent) {
  const menu = e.currentTarget as HTMLDetailsElement;
  if (e.key !== 'Escape' || !menu.open) return;
  e.preventDefault();
  menu.open = false;
  menu.querySelector('summary')!.focus();
}

function onFocusOut(e: FocusEvent) {
  const menu = e.currentTarget as HTMLDetailsElement;
  if (menu.open && !menu.contains(e.relatedTarget as Node | null) && e.relatedTarget) menu.open = false;
}

function menu(control: ShareControl, label: string, opened: () => void, panel: unknown) {
  // `name` makes the menus one exclusive group where browsers know it; onToggle does it elsewhere.
  return html`<details class="share-menu" part="share-menu" name="share" data-control=${control} @toggle=${(e: Event) => onToggle(e, opened)}
    @keydown=${onKeydown} @focusout=${onFocusOut}>
    <summary part="share-button">${label}</summary>
    <div class="share-panel" part="share-panel">${panel}</div>
  </details>`;
}

const linkItem = (link: SubscribeLink) =>
  link.kind === 'download'
    ? html`<li><a href=${link.href} download=${link.fileName ?? 'events.ics'} data-kind="download">${link.label}</a></li>`
    : html`<li><a href=${link.href} data-kind=${link.kind} target=${link.kind === 'webcal' ? nothing : '_blank'}
        rel=${link.kind === 'webcal' ? nothing : 'noopener noreferrer'}>${link.label}</a></li>`;

function subscribePanel(actions: ShareMenuState, s: Strings) {
  const links = actions.links;
  if (!links) return html`<p class="share-note" role="status"><span class="spinner" aria-hidden="true"></span></p>`;
  const follow = links.filter((link) => link.kind !== 'download');
  const download = links.filter((link) => link.kind === 'download');
  const sources = [...new Set(follow.map((link) => link.source))];
  return html`${
    follow.length
      ? html`<p class="share-note">${follow.every((link) => link.exact) ? s.followView : s.followCalendar}</p>
        ${sources.map(
          (source) => html`${source ? html`<p class="share-source"><bdi>${source}</bdi></p>` : nothing}
            <ul>${follow.filter((link) => link.source === source).map(linkItem)}</ul>`
        )}`
      : html`<p class="share-note">${s.downloadOnly}</p>`
  }
    <ul class="share-download">${download.map(linkItem)}</ul>`;
}

function copyPanel(actions: ShareMenuState, s: Strings) {
  const copy = (format: CopyFormat, post?: number) => () => void actions.copyText(format, post).catch(() => {});
  const posts = actions.posts ?? [''];
  return html`<ul>
      <li><button type="button" data-format="text" @click=${copy('text')}>${s.copyText}</button></li>
      <li><button type="button" data-format="markdown" @click=${copy('markdown')}>${s.copyMarkdown}</button></li>
      <li><button type="button" data-format="html" @click=${copy('html')}>${s.copyHtml}</button></li>
      ${posts.map(
        (_, i) =>
          html`<li><button type="button" data-format="mastodon" @click=${copy('mastodon', posts.length > 1 ? i + 1 : undefined)}>
            ${posts.length > 1 ? s.copyMastodonPart(i + 1, posts.length) : s.copyMastodon}</button></li>`
      )}
    </ul>
    <p class="share-note" role="status">${actions.copyOutcome === 'copied' ? s.copied : actions.copyOutcome === 'failed' ? s.copyFailed : nothing}</p>`;
}

function printPanel(actions: ShareMenuState, s: Strings) {
  const print = (size: 'a4' | 'a3') => () => void actions.print(size);
  return html`<ul>
    <li><button type="button" data-size="a4" @click=${print('a4')}>${s.posterA4}</button></li>
    <li><button type="button" data-size="a3" @click=${print('a3')}>${s.posterA3}</button></li>
  </ul>`;
}

export function renderShareMenus(actions: ShareMenuState, controls: readonly ShareControl[], s: Strings) {
  return html`<div class="share" part="share">
    ${controls.map((control) =>
      control === 'subscribe'
        ? menu(control, s.subscribe, () => actions.refreshLinks(), subscribePanel(actions, s))
        : control === 'copy'
          ? menu(control, s.copy, () => ((actions.copyOutcome = undefined), actions.preparePosts()), copyPanel(actions, s))
          : menu(control, s.print, () => {}, printPanel(actions, s))
    )}
  </div>`;
}

/** Adopted into the list's shadow root with this code (controllers/share-actions.ts). */
export const shareMenuStyles = css`
  .share {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-inline-start: auto;
  }
  .share-menu {
    position: relative;
  }
  .share-menu > summary {
    list-style: none;
    cursor: pointer;
    padding: 0.3em 0.9em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    color: var(--_text);
    user-select: none;
  }
  .share-menu > summary::-webkit-details-marker {
    display: none;
  }
  .share-menu > summary::after {
    content: '';
    display: inline-block;
    margin-inline-start: 0.45em;
    vertical-align: 0.2em;
    border: 0.3em solid transparent;
    border-top-color: currentColor;
    border-bottom: 0;
  }
  .share-menu[open] > summary {
    color: var(--_on-accent);
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .share-panel {
    position: absolute;
    z-index: 2;
    inset-inline-end: 0;
    top: calc(100% + 0.35em);
    box-sizing: border-box;
    width: max-content;
    max-width: min(22rem, 90vw);
    padding: 0.6em 0.8em;
    color: var(--_text);
    background: var(--_palette-surface, Canvas);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.6);
    box-shadow: 0 0.4em 1.2em rgb(0 0 0 / 0.18);
  }
  .share-panel ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .share-panel li + li {
    margin-top: 0.15em;
  }
  .share-panel :is(a, button) {
    display: block;
    width: 100%;
    box-sizing: border-box;
    padding: 0.35em 0.4em;
    font: inherit;
    text-align: start;
    color: var(--_accent);
    background: none;
    border: 0;
    border-radius: 0.3em;
    cursor: pointer;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .share-panel :is(a, button):hover {
    background: color-mix(in srgb, var(--_accent) 10%, transparent);
  }
  .share-note,
  .share-source {
    margin: 0.2em 0 0.4em;
    font-size: 0.9em;
  }
  .share-source {
    font-weight: 600;
  }
  .share-download {
    margin-top: 0.4em;
    padding-top: 0.4em;
    border-top: 1px solid var(--_border);
  }
  .share-note:empty {
    display: none;
  }
  .share :is(summary, a, button):focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
`;
