/**
 * A new result (a first load, a filter change) shows the cards that fit in the window first and
 * the rest of the page once that frame is painted, so it appears without waiting for cards below
 * the fold. Before any card has been drawn the list counts from the sample card laid out while
 * the page was idle (views/list-view.ts), else guesses 8; afterwards from the room the drawn
 * cards took. A refresh redraws in place (the visitor may be reading card 15) and does not come
 * here.
 */
import type {ReactiveControllerHost} from 'lit';
import {sampleCardHeight} from '../views/list-view.js';
import {whenIdle} from '../lib/idle.js';

const FIRST_FRAME_CARDS = 8;

/**
 * Runs `callback` once the next frame is painted and the page is idle (so it delays neither that
 * frame nor what the page had queued behind it); at most 200 ms later where frames or idle
 * periods do not come (a hidden tab). Then the frame request is cancelled: a hidden tab keeps
 * it, and with it the list, until the tab is shown again.
 */
function afterNextPaint(callback: () => void) {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    cancelAnimationFrame(frame);
    callback();
  };
  const frame = requestAnimationFrame(() => whenIdle(run, 100));
  const fallback = setTimeout(run, 200);
}

export class FirstScreen {
  /** How many cards this frame draws while the rest waits; undefined: all that are shown. */
  drawn?: number;
  /** Settles when the rest has been drawn. */
  restDrawn?: Promise<void>;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {}

  /** In the host's `willUpdate`, before the DOM changes: `count` cards are about to be shown from the top. */
  start(count: number) {
    const first = this.cardsPerScreen();
    if (count <= first) return;
    this.drawn = first;
    this.restDrawn ??= new Promise((resolve) =>
      afterNextPaint(() => {
        this.drawn = undefined;
        this.restDrawn = undefined;
        this.host.requestUpdate();
        resolve();
      })
    );
  }

  /**
   * About how many cards fill the part of the window below the list's top, from the height the
   * cards drawn now take per card (headings included); before any is drawn, from the sample
   * card's height (a card with a two-line description, and no gap or heading: real cards take at
   * least that much room), else `FIRST_FRAME_CARDS`. Read before the update changes the DOM, so
   * the layout it reads is the one already painted.
   */
  private cardsPerScreen(): number {
    const list = this.host.shadowRoot?.querySelector('[part~="list"]');
    const drawn = list?.querySelectorAll('[part~="card"]').length ?? 0;
    const height = drawn ? list!.getBoundingClientRect().height / drawn : sampleCardHeight();
    if (!height) return FIRST_FRAME_CARDS;
    const room = window.innerHeight - Math.max(0, this.host.getBoundingClientRect().top);
    return Math.min(12, Math.max(3, Math.ceil(room / height)));
  }
}
