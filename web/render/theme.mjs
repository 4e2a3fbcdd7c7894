// A theme setting (auto, light, dark; web/share's grammar) as the media
// query of the dark palette's sheet (styles/tokens-dark.css). The light
// palette always applies and the dark one is laid over it: by the
// reader's system preference (auto), always (dark) or never (light). The
// playground page, the element's shadow root and the embed page each link
// that sheet and set its media through here, so the three agree.
const DARK_MEDIA = Object.freeze({ auto: '(prefers-color-scheme: dark)', dark: 'all', light: 'not all' });

/** The media for the dark sheet; an unknown theme counts as auto. */
export function darkMedia(theme) {
  return Object.hasOwn(DARK_MEDIA, theme) ? DARK_MEDIA[theme] : DARK_MEDIA.auto;
}

/**
 * The palette a theme shows now: light or dark.
 * @param {string} theme
 * @param {boolean} systemDark whether the reader's system prefers dark
 */
export function resolveTheme(theme, systemDark) {
  if (theme === 'light' || theme === 'dark') return theme;
  return systemDark ? 'dark' : 'light';
}
