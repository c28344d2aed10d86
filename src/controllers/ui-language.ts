/**
 * The UI strings of the element's language, loaded on demand. English is bundled; any other
 * language is imported once per page (in parallel with the feed) and every element waiting for
 * it draws again when it arrives. Until then `ready` is false, so an element can hold back
 * rather than flash English text on a Swedish page. An element whose language could not be
 * loaded (offline) shows English, without asking again at every update; the next element, or a
 * change of language, asks again.
 *
 * `lang` can change after the first draw: a site's language switcher sets it on `<html>`, or a
 * script on the element. One observer for the page watches `lang` in the document and in the
 * shadow roots the elements live in (a list sets it on its cards), and asks each element whose
 * locale changed to draw again.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {hasUiStrings, loadUiStrings, resolveLocale, uiLanguage, uiStrings, type UiStrings} from '../lib/i18n.js';

const connected = new Set<UiLanguage>();
let langObserver: MutationObserver | undefined;

export class UiLanguage implements ReactiveController {
  private awaited?: string;
  private drawnLocale?: string;
  /** The language this element could not load. */
  private gaveUp?: string;
  /** Settles when the awaited language has arrived or failed (and the host has been asked to draw again). */
  loading?: Promise<unknown>;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** The host's locale (BCP 47), from `lang` on it or its nearest ancestor. */
  get locale(): string {
    return resolveLocale(this.host);
  }

  get strings(): UiStrings {
    return uiStrings(this.locale);
  }

  /** Whether the strings are the language's own (or as final as they will get). */
  get ready(): boolean {
    return this.awaited === undefined;
  }

  hostConnected() {
    connected.add(this);
    // Each element whose locale changed draws again (a list then sets the new `lang` on its cards).
    langObserver ??= new MutationObserver(() => connected.forEach((c) => c.locale !== c.drawnLocale && c.host.requestUpdate()));
    // Observing a root again only renews its registration.
    for (const root of [document, this.host.getRootNode()]) langObserver.observe(root, {attributeFilter: ['lang'], subtree: true});
  }

  hostDisconnected() {
    connected.delete(this);
  }

  hostUpdate() {
    this.drawnLocale = this.locale;
    const language = uiLanguage(this.drawnLocale);
    if (hasUiStrings(language) || language === this.gaveUp) {
      this.awaited = this.loading = undefined;
      return;
    }
    if (this.awaited === language) return;
    this.awaited = language;
    this.loading = loadUiStrings(language).then(() => {
      if (!hasUiStrings(language)) this.gaveUp = language;
      if (this.awaited === language) this.awaited = this.loading = undefined;
      this.host.requestUpdate();
    });
  }
}
