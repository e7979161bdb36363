/**
 * The audit mode, for staging and CI, never on by default: a page that loads this module
 * (`consent-banner/audit`, or `dist/consent-banner.audit.js` as a module script) is watched, and
 * each thing it leaks is reported once in the console (`<consent-banner> audit: …`), in `findings`
 * and as a `consent-audit` event on the document. A page without it runs none of this code: the
 * bundle holds nothing of the audit.
 *
 * Origins the site's own requests may go to: `data-allowed-origins` on this module's `<script>`,
 * or `allowOrigins()`. One audit per page: a second copy (a second script, the CLI's injected copy)
 * joins the first.
 */
import { ConsentAudit } from './audit/ConsentAudit.js';
import type { AuditFinding } from './audit/finding.js';

export { ConsentAuditEvent, type AuditFinding, type AuditFindingKind, type AuditPhase } from './audit/finding.js';

/** Where the page's audit is kept: shared by every copy of this module on the page. */
const PAGE_AUDIT = Symbol.for('consent-banner.audit');
const page = window as { [PAGE_AUDIT]?: ConsentAudit };
const audit = (page[PAGE_AUDIT] ??= new ConsentAudit());
audit.allowOrigins([...document.scripts].find((script) => script.src === import.meta.url)?.dataset.allowedOrigins ?? '');

/** Every finding on this page so far, in the order found; the list grows as the audit finds more. */
export const findings: readonly AuditFinding[] = audit.findings;

/**
 * Runs every check now and resolves with `findings`, once the page's banner is ready: for a tool
 * that drives a browser, before and after an action (the CLI: on load, then after "reject").
 */
export function check(): Promise<readonly AuditFinding[]> {
  return audit.check();
}

/**
 * Requests to these origins are no finding (the site's own other hosts, its CDN):
 * `allowOrigins('https://cdn.example.nl https://static.example.nl')` or a list. Call it at once
 * after loading the audit.
 */
export function allowOrigins(origins: string | readonly string[]): void {
  audit.allowOrigins(origins);
}
