import {css} from 'lit';

/**
 * What both elements share: the private locals they read, and a screen-reader-only class.
 * Each local resolves a public token chain once (per-element
 * token → shared token → theme palette); when nothing is set, the declaration is invalid and the
 * property falls back to inheriting the page, which is the default look. Public tokens are never
 * declared here, so a blog can set them on `:root`.
 */
export const tokenLocals = css`
  :host {
    --_text: var(--event-color-text, var(--_palette-text));
    --_muted: var(--event-color-muted, var(--_palette-muted, color-mix(in srgb, currentColor 66%, transparent)));
    --_accent: var(--event-color-accent, var(--_palette-accent, #b33c0b));
    --_surface: var(--event-color-surface, var(--_palette-surface, transparent));
    --_border: var(--event-color-border, var(--_palette-border, color-mix(in srgb, currentColor 16%, transparent)));
    --_on-accent: var(--event-color-on-accent, var(--_palette-on-accent, #fff));
    --_radius: var(--event-radius, 0.75rem);
    --_space: var(--event-space, 1rem);
  }
  /* Text for screen readers only. */
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
