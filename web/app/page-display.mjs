// How the playground page looks, from the display fields of the link it
// opened (link-state.mjs's displayOf: theme, view, controls, read by
// web/share's decoder like the embed page's). What each means on the page:
//
//   theme     the whole page's palette, as on the embed page: the dark
//             sheet's media (render/theme.mjs) and the form controls'
//             colour scheme; the map element gets the same theme, so its
//             shadow root agrees, and SVG/PNG exports are drawn in it.
//   view      the map element's view, as in the iframe: buckets, table or
//             both. While the element shows the table, the page's own
//             "Buckets as a table" card is hidden rather than repeat it.
//   controls  kept, not applied to the page. The page is the whole
//             playground: an embed's "Open in the Go Map Playground" link
//             carries the embed's controls (often minimal or none), and
//             hiding the player's buttons would strand the reader it was
//             meant to help. The value stays in the address the page
//             writes and goes into its Embed snippets, where it means what
//             it means for the element and the iframe.
import { DEFAULT_STATE } from '../share/permalink.mjs';
import { darkMedia, resolveTheme } from '../render/theme.mjs';
import { displayOf } from './link-state.mjs';

export class PageDisplay {
  #display = displayOf(null);

  /**
   * @param {{ root: HTMLElement, darkSheet: HTMLLinkElement | HTMLStyleElement, viz: HTMLElement,
   *           tableCard: HTMLElement, systemDark?: () => boolean }} parts
   *   root: the <html> element; darkSheet: the page's dark palette (a <link>,
   *   or a <style> in the offline file); tableCard: the page's table panel
   */
  constructor({ root, darkSheet, viz, tableCard, systemDark = () => matchMedia('(prefers-color-scheme: dark)').matches }) {
    this.root = root;
    this.darkSheet = darkSheet;
    this.viz = viz;
    this.tableCard = tableCard;
    this.systemDark = systemDark;
  }

  /** The display in use: { theme, view, controls }. */
  get current() {
    return { ...this.#display };
  }

  /** light or dark: the palette on screen now. */
  resolvedTheme() {
    return resolveTheme(this.#display.theme, this.systemDark());
  }

  /**
   * Shows the page with a link's display fields (values already checked
   * by the decoder). Call it once the page has given the element its
   * player: an element with a theme or view attribute and no player would
   * start building a map of its own.
   */
  apply(display) {
    const d = displayOf(display);
    this.#display = d;
    this.#palette(d.theme);
    // Defaults are left off the element, as the page has always had it.
    for (const name of ['theme', 'view']) {
      if (d[name] === DEFAULT_STATE[name]) this.viz.removeAttribute(name);
      else this.viz.setAttribute(name, d[name]);
    }
    this.tableCard.hidden = d.view !== 'buckets';
  }

  /**
   * The page's palette for a link about to be opened, before the map
   * module has loaded, so a dark link does not first show a light page.
   * Only a preview: apply() makes it the page's look, restore() undoes it.
   */
  preview(display) {
    this.#palette(displayOf(display).theme);
  }

  /** Back to the look in use (a previewed link was refused). */
  restore() {
    this.#palette(this.#display.theme);
  }

  #palette(theme) {
    this.darkSheet.media = darkMedia(theme);
    this.root.dataset.theme = theme;
  }
}
