/**
 * An element's `updateComplete` that also covers work arriving after the update: a language's
 * strings, on-demand code, cards drawn after the first frame. `pending()` names what is still on
 * its way; each time it settles the element has drawn again, so wait for that update too.
 */
export async function completeAfter(updated: () => Promise<boolean>, pending: () => Promise<unknown> | undefined): Promise<boolean> {
  let complete = await updated();
  for (let waiting = pending(); waiting; waiting = pending()) {
    await waiting;
    complete = await updated();
  }
  return complete;
}
