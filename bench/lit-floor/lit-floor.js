// The Lit floor, a reference for the benchmark, not a product: a Lit element that renders
// consent-banner's first layer (its markup, its stylesheet from dist/styles.js, its Dutch texts
// from dist/i18n/nl.js and nl-first-layer.js) and does nothing else: no cookie, no decision, no gating, no events, and
// its buttons do nothing. What this page costs is what any Lit element showing this first layer
// costs; consent-banner's figures above it are its own logic (bench/run.mjs bundles this file
// with the project's rollup and terser settings into bench/pages/lit-floor.bundle.js).
import { html, LitElement } from 'lit';
import { styles } from '../../dist/ui/styles.js';
import { nl } from '../../dist/i18n/nl.js';
import { nlFirstLayer } from '../../dist/i18n/nl-first-layer.js';
import { format } from '../../dist/i18n/strings.js';

const s = { ...nl, ...nlFirstLayer };

class LitFloorBanner extends LitElement {
  static properties = { siteName: { attribute: 'site-name' }, organisation: {}, privacyUrl: { attribute: 'privacy-url' } };
  static styles = styles;

  render() {
    const { organisation } = this;
    return html`<section class="banner" part="banner" aria-label=${s.region} lang=${s.lang} dir=${s.dir} data-nosnippet>
      <div class="message">
        <h2 class="heading" part="heading"><slot name="heading">${format(s.heading, { site: this.siteName })}</slot></h2>
        <slot name="message">
          <p>${format(s.intro, { organisation })}</p>
          <p><strong>${s.analyticsLabel}.</strong> ${s.analyticsDescription}</p>
        </slot>
        <p>${s.changeLater} <a href=${this.privacyUrl}>${format(s.privacyLink, { organisation })}</a></p>
      </div>
      <div class="actions">
        <button type="button" class="choice" part="button accept">${s.acceptAnalytics}</button>
        <button type="button" class="choice" part="button reject">${s.rejectAnalytics}</button>
        <button type="button" class="secondary" part="button">${s.choose}</button>
      </div>
    </section>`;
  }
}
customElements.define('lit-floor-banner', LitFloorBanner);
