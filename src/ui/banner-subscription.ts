import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import type { ConsentBanner } from '../ConsentBanner.js';

/**
 * Keeps an element that shows the page's consent (`<consent-preferences>`, `<consent-placeholder>`)
 * in step with its `<consent-banner>`: it renders again on each `consent-change` while connected,
 * and `changed` runs after. The banner is given (`banner`), or found once the element connects
 * (`find`, after `<consent-banner>` is defined); when none is found, one console error.
 */
export class BannerSubscription implements ReactiveController {
  /** The banner whose decision the element shows, once known. */
  banner: ConsentBanner | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: { find?: () => Element | null; changed?: () => void } = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.banner || !this.options.find) return this.#listen();
    void customElements.whenDefined('consent-banner').then(() => {
      const found = this.options.find!();
      if (found?.localName !== 'consent-banner') {
        console.error(`<${this.host.localName}>: no <consent-banner> on this page to take the choices from.`);
        return;
      }
      this.banner = found as ConsentBanner;
      this.#listen();
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.banner?.removeEventListener('consent-change', this.#onChange);
  }

  #listen(): void {
    this.banner?.addEventListener('consent-change', this.#onChange);
  }

  readonly #onChange = (): void => {
    this.host.requestUpdate();
    this.options.changed?.();
  };
}
