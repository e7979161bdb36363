/**
 * Room for the fixed banner (A7, A20). While it shows, the page gets extra padding at its end and
 * matching `scroll-padding-bottom`, so the banner never hides focused content (WCAG 2.4.11), the
 * end of the page can be scrolled above it, and nothing shifts (the banner is not in the flow).
 * Set through the CSSOM, which a strict `style-src` allows; the page's own values come back on
 * release.
 */
export class PageSpace {
  /**
   * The page's own inline values while space is reserved, and the body's computed bottom padding,
   * read in the first resize callback: after layout, so reading it forces no extra style pass.
   */
  #saved?: { scrollPadding: string; bodyPadding: string; bodyPaddingPx?: number };
  #observer?: ResizeObserver;

  /** Keeps room for `banner` as long as it is reserved, following its height. */
  reserve(banner: HTMLElement): void {
    const html = document.documentElement.style;
    const body = document.body.style;
    this.#saved ??= {
      scrollPadding: html.scrollPaddingBottom,
      bodyPadding: body.paddingBottom,
    };
    this.#observer ??= new ResizeObserver(([entry]) => {
      if (!this.#saved) return;
      const height = (entry.target as HTMLElement).offsetHeight;
      this.#saved.bodyPaddingPx ??= parseFloat(getComputedStyle(document.body).paddingBottom) || 0;
      html.scrollPaddingBottom = `${height}px`;
      body.paddingBottom = `${this.#saved.bodyPaddingPx + height}px`;
    });
    this.#observer.disconnect();
    this.#observer.observe(banner);
  }

  release(): void {
    if (!this.#saved) return;
    this.#observer?.disconnect();
    document.documentElement.style.scrollPaddingBottom = this.#saved.scrollPadding;
    document.body.style.paddingBottom = this.#saved.bodyPadding;
    this.#saved = undefined;
  }
}
