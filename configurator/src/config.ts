/**
 * What a person chooses in the configurator, its defaults, and how the choices travel in the
 * configurator's own address (the shareable link). Pure: no DOM, no Lit.
 *
 * Every value read from an address is checked here, once: an unknown enum value becomes the
 * default, a colour must be `#rrggbb`, a feed or link address must be http(s). The rest of the
 * configurator can then trust a `Config`.
 */

export const VIEWS = ['list', 'month'] as const;
export const DENSITIES = ['comfortable', 'compact'] as const;
/** '' is "inherit the page's colours", the widget's default. */
export const THEMES = ['', 'light', 'dark', 'auto'] as const;
export const CONTROLS = ['search', 'categories', 'locations', 'organizers', 'dates', 'view'] as const;
export const BACKGROUNDS = ['light', 'dark'] as const;
/** The languages the widget has strings for ('' = the page's own language). */
export const LANGUAGES = ['', 'sv', 'en', 'nb', 'da', 'fi', 'de', 'fr', 'es', 'it', 'pt'] as const;

export type View = (typeof VIEWS)[number];
export type Density = (typeof DENSITIES)[number];
export type Theme = (typeof THEMES)[number];
export type Control = (typeof CONTROLS)[number];
export type Background = (typeof BACKGROUNDS)[number];

export interface Config {
  /** The feed's absolute http(s) address. */
  src: string;
  /** A relay or proxy URL template with `{url}`, for feeds without CORS headers. */
  proxy: string;
  categories: string[];
  locations: string[];
  organizers: string[];
  view: View;
  controls: Control[];
  lang: string;
  timeZone: string;
  density: Density;
  theme: Theme;
  /** `#rrggbb`, or '' for the widget's own accent. */
  accent: string;
  /** The page background the accent is checked against (not part of the snippet). */
  background: Background;
  /** Where the site serves feedcal.js ('' = where this configurator found it). */
  widget: string;
  /** The fallback link for visitors without JavaScript ('' = the feed site's home page). */
  link: string;
}

export const DEFAULT_CONFIG: Readonly<Config> = {
  src: '',
  proxy: '',
  categories: [],
  locations: [],
  organizers: [],
  view: 'list',
  controls: [],
  lang: '',
  timeZone: '',
  density: 'comfortable',
  theme: '',
  accent: '',
  background: 'light',
  widget: '',
  link: '',
};

const COLOUR = /^#[0-9a-f]{6}$/i;

/** `value` as an absolute http(s) URL, or '' when it is not one. */
export function httpUrl(value: string): string {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '';
  } catch {
    return '';
  }
}

/**
 * What a person typed into the feed field, as an absolute address: `www.site.se/feed.json` gets
 * `https://`; `/feeds/x.json` and `../x.json` are read against `base` (the configurator's page);
 * another scheme (`javascript:`, `file:`) gives ''.
 */
export function feedAddress(typed: string, base: string): string {
  const text = typed.trim();
  if (!text || /\s/.test(text)) return '';
  if (/^[a-z][a-z\d+.-]*:/i.test(text)) return httpUrl(text);
  if (/^[./]/.test(text)) {
    try {
      return httpUrl(new URL(text, base).href);
    } catch {
      return '';
    }
  }
  // A bare name needs a dot in its host ("gnistor.se/feed.json"); a word or two is not an address.
  const guessed = httpUrl(`https://${text}`);
  return guessed && new URL(guessed).hostname.includes('.') ? guessed : '';
}

const oneOf = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);

/**
 * Reads choices from the configurator's address; anything unknown or malformed is left at its
 * default. A relative `src` is read against `base` (the demo links to its own sample feed so).
 */
export function configFromQuery(query: URLSearchParams, base: string): Config {
  const list = (name: string) => [
    ...new Set(
      query
        .getAll(name)
        .map((v) => v.trim())
        .filter(Boolean)
    ),
  ];
  const accent = query.get('accent') ?? '';
  const proxy = query.get('proxy') ?? '';
  return {
    src: feedAddress(query.get('src') ?? '', base),
    proxy: proxy.includes('{url}') && httpUrl(proxy.replace('{url}', '')) ? proxy.trim() : '',
    categories: list('categories'),
    locations: list('locations'),
    organizers: list('organizers'),
    view: oneOf(query.get('view'), VIEWS, 'list'),
    controls: CONTROLS.filter((c) => (query.get('controls') ?? '').split(/[\s,]+/).includes(c)),
    lang: oneOf(query.get('lang'), LANGUAGES, ''),
    timeZone: (query.get('time-zone') ?? '').trim(),
    density: oneOf(query.get('density'), DENSITIES, 'comfortable'),
    theme: oneOf(query.get('theme'), THEMES, ''),
    accent: COLOUR.test(accent) ? accent.toLowerCase() : '',
    background: oneOf(query.get('bg'), BACKGROUNDS, 'light'),
    widget: httpUrl(query.get('widget') ?? ''),
    link: httpUrl(query.get('link') ?? ''),
  };
}

/** Every query parameter the configurator owns (`ui` is the configurator's own language); others on its page are left alone. */
export const QUERY_KEYS = [
  'src',
  'proxy',
  'categories',
  'locations',
  'organizers',
  'view',
  'controls',
  'lang',
  'time-zone',
  'density',
  'theme',
  'accent',
  'bg',
  'widget',
  'link',
  'ui',
];

/** The choices as query parameters, defaults left out; lists as repeated parameters so values may hold commas. */
export function configToQuery(config: Config): URLSearchParams {
  const query = new URLSearchParams();
  const put = (name: string, value: string, fallback = '') => value !== fallback && query.set(name, value);
  put('src', config.src);
  put('proxy', config.proxy);
  for (const name of ['categories', 'locations', 'organizers'] as const) for (const value of config[name]) query.append(name, value);
  put('view', config.view, 'list');
  put('controls', config.controls.join(' '));
  put('lang', config.lang);
  put('time-zone', config.timeZone);
  put('density', config.density, 'comfortable');
  put('theme', config.theme);
  put('accent', config.accent);
  put('bg', config.background, 'light');
  put('widget', config.widget);
  put('link', config.link);
  return query;
}
