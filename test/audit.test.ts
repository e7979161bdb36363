import './fail-on-errors.js';
import { expect, fixture } from '@open-wc/testing';
import '../src/consent-banner.js';
import type { ConsentBanner } from '../src/ConsentBanner.js';
import type { ConsentAudit } from '../src/audit/ConsentAudit.js';
import { captureConsole, newPageView } from './helpers.js';

type AuditModule = typeof import('../src/audit.js');
const PAGE_AUDIT = Symbol.for('consent-banner.audit');
const pageAudit = () => (window as { [PAGE_AUDIT]?: ConsentAudit })[PAGE_AUDIT];

/** Loads the audit module as a staging page does: a module script, here with `data-allowed-origins`. */
function loadAsScript(src: string, allowedOrigins: string): Promise<void> {
  const script = Object.assign(document.createElement('script'), { type: 'module', src });
  script.dataset.allowedOrigins = allowedOrigins;
  const loaded = new Promise<void>((resolve, reject) => {
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => reject(new Error(`${src} did not load`)));
  });
  document.head.append(script);
  return loaded;
}

describe('consent-banner/audit: the module a staging page loads', () => {
  let banner: ConsentBanner;
  before(async () => {
    newPageView();
    banner = await fixture<ConsentBanner>('<consent-banner lang="nl" privacy-url="/privacy"></consent-banner>');
    await banner.updateComplete;
  });
  after(() => pageAudit()?.stop());

  it('turns the audit on for the page, reading the allowed origins from its own script tag (one warning for a bad one)', async () => {
    const src = new URL('../src/audit.ts', import.meta.url).href;
    const warnings = await captureConsole('warn', () => loadAsScript(src, 'https://cdn.example.nl not-an-origin'));
    expect(warnings).to.deep.equal(['<consent-banner> audit: allowed origin "not-an-origin" is no origin such as "https://cdn.example.nl"; ignored.']);
    const audit: AuditModule = await import(src);
    expect(pageAudit(), 'the page audit').to.be.an('object');
    expect(audit.findings).to.equal(pageAudit()!.findings);
    expect(await audit.check()).to.equal(audit.findings);
  });

  it('a second copy on the page (another file, the CLI\'s) joins the first: one list, one warning per finding', async () => {
    const first: AuditModule = await import(new URL('../src/audit.ts', import.meta.url).href);
    const second: AuditModule = await import(new URL('../src/audit.ts?second-copy', import.meta.url).href);
    expect(second).not.to.equal(first, 'two module instances');
    expect(second.findings).to.equal(first.findings);
    const warnings = await captureConsole('warn', async () => {
      document.cookie = 'fake_visitor=1; Path=/';
      await second.check();
      await first.check();
    });
    document.cookie = 'fake_visitor=; Path=/; Max-Age=0';
    expect(warnings).to.have.length(2, 'undeclared, and before any choice');
  });
});
