import type { ConsentState } from '../../events.js';
import { report } from '../../report.js';
import { deleteCookies } from '../tracker-cookies.js';
import { safely } from './globals.js';
import type { ConsentIntegration } from './types.js';

declare global {
  interface Window {
    /** Piwik PRO: its container snippet defines `ppms.cm.api` (a stub until the container has loaded). */
    ppms?: { cm?: { api?: (command: string, ...args: unknown[]) => void } };
  }
}

/** Piwik PRO's consent types (its Consent Manager JavaScript API, "Available consent types"). */
export const PIWIK_PRO_CONSENT_TYPES = [
  'analytics',
  'ab_testing_and_personalization',
  'custom_consent',
  'user_feedback',
  'marketing_automation',
  'remarketing',
  'conversion_tracking',
];

/**
 * The cookies Piwik PRO's tracker and Tag Manager may set for a visitor, by name or prefix (Piwik
 * PRO's "Cookies created for visitors by Piwik PRO"), deleted when `analytics` is refused or
 * withdrawn (L12). Not `_stg_optout` (an opt-out, which only ever stops tracking) nor `stg_debug`
 * (set for Piwik PRO's own users in debug mode). Consent Manager's records are
 * {@link PIWIK_PRO_CONSENT_RECORDS}.
 */
export const PIWIK_PRO_COOKIES = [
  '_pk_id.*',
  '_pk_ses.*',
  '_pk_ref.*',
  '_pk_cvar*',
  '_pk_hsr.*',
  'stg_traffic_source_priority',
  'stg_last_interaction',
  'stg_returning_visitor',
  'stg_fired__*',
  'stg_utm_campaign',
  'stg_pk_campaign',
  'stg_externalReferrer',
];

/**
 * Consent Manager's own records, `ppms_privacy_<appId>` (12 months) and `ppms_privacy_bar_<appId>`:
 * deleted once no Piwik PRO consent type is granted, so that Piwik PRO keeps a record only of a
 * grant the banner holds too (the banner's cookie is the record).
 */
export const PIWIK_PRO_CONSENT_RECORDS = ['ppms_privacy_*'];

/** Consent Manager's settings: `consents[type].status` is -1 (no decision), 0 (rejected) or 1 (approved). */
interface ComplianceSettings {
  consents?: Record<string, { status?: number }>;
}

/**
 * Tells Piwik PRO's Consent Manager each decision through its JavaScript API, with the banner as the
 * site's consent form: Piwik PRO's "custom consent form" mode (Administration → Sites & apps →
 * Privacy: "Ask visitors for consent" on, "Use a custom consent form" on), in which Consent Manager
 * shows no form of its own and takes the decisions the site's form reports with
 * `setComplianceSettings`.
 *
 * Why this documented path and not only data-layer events (`piwik-pro-tag-manager`): with Consent
 * Manager on, Tag Manager fires each tag only for the consent type the tag requires, also a tag
 * someone adds later in Piwik PRO's interface, and the tracker keeps no visitor cookies without
 * consent; a withdrawal reaches the tracker and Tag Manager already running on the page (status 0),
 * which an event cannot undo; and Piwik PRO's consent reports stay true. Without Consent Manager
 * (Piwik PRO no longer offers it to new accounts, and with "Ask visitors for consent" off every
 * visitor is tracked with cookies as soon as the tag fires) only the gate and the events remain:
 * that is `piwik-pro-tag-manager`. Sources:
 * https://developers.piwik.pro/en/latest/consent_manager/js_api/ (commands, statuses, types, and
 * "Installation": calls before the container has loaded),
 * https://developers.piwik.pro/docs/overview-consent-manager-js-api,
 * https://help.piwik.pro/support/privacy/setting-consent-manager/ (the settings, and what the
 * tracker does for visitors without consent),
 * https://help.piwik.pro/support/privacy/cookies-created-by-piwik-pro/ (cookies and lifetimes).
 *
 * Each Piwik PRO consent type that is also the id of a configured category follows that category
 * (by default only `analytics`); with none, this integration does nothing. What Piwik PRO does that
 * this relies on:
 * - `setComplianceSettings({consents: {analytics: {status: 1 | 0}}}, onFulfilled, onRejected)`
 *   saves the decision in `ppms_privacy_<appId>` and "forces a page view", so the tags of a granted
 *   type fire at once; `getComplianceSettings` returns the saved statuses (`{}` when none). With no
 *   record, a type counts as not consented: its tags do not fire.
 * - Before the container has loaded, the snippet's stub `ppms.cm.api` pushes each call onto the
 *   data layer as `{event: 'ppms.cm:<command>', parameters: [...]}`, and the container runs them
 *   when it loads; Piwik PRO documents the same data-layer push for when `ppms.cm.api` is undefined,
 *   which this integration uses when the snippet has not run yet (the gate runs it after the
 *   banner has told its integrations).
 * - Not used: `getNewComplianceTypes` and `setInitialComplianceSettings`, which a form of Piwik
 *   PRO's kind calls to know when to show itself and to record that it was seen; the banner decides
 *   that itself (L14), and that record is a cookie written before any choice (L1).
 *
 * What it says when:
 * - New page view (and when this part loads): when a type is granted, `getComplianceSettings`,
 *   then `setComplianceSettings` only for the types whose saved status differs (a missing or
 *   expired `ppms_privacy` cookie, which Safari keeps 7 days at most); saved statuses already
 *   right are not set again, which would count a changed consent and force a page view. When
 *   nothing is granted and Piwik PRO is on the page, the same check puts a saved grant the banner
 *   does not hold (an expired decision, a choice made in another tab) back to 0.
 * - A grant on this page: `setComplianceSettings` with status 1 for the granted types.
 * - A withdrawal: status 0 for the withdrawn types. The grants sent before on this page are turned
 *   to 0 too: one still queued for a container that has not loaded yet then says 0 when it runs.
 * - A refusal that changes nothing: nothing; no record is the same as a refusal for Piwik PRO.
 * - Cookies: whenever `analytics` is refused after a decision or withdrawn, Piwik PRO's cookies
 *   ({@link PIWIK_PRO_COOKIES}) are deleted, and again once Consent Manager has taken a status 0;
 *   once no type is granted, its records too ({@link PIWIK_PRO_CONSENT_RECORDS}).
 * - Never throws (I9); a command Consent Manager rejects gets one console error.
 */
export function piwikPro(): ConsentIntegration {
  /** The settings of the grants this integration sent on this page. */
  const sent: ComplianceSettings[] = [];
  /** The state last heard: what a reply that comes after a later change must compare with. */
  let current: ConsentState;
  return {
    update(state, previous) {
      current = state;
      const types = PIWIK_PRO_CONSENT_TYPES.filter((type) => type in state.categories);
      if (!types.length) return;
      const granted = (type: string) => state.categories[type] === true;
      if (previous === null) {
        if (types.some(granted) || piwikProLoaded()) {
          command('getComplianceSettings', (saved: ComplianceSettings | undefined) => {
            const differ = types.filter((type) => (saved?.consents?.[type]?.status === 1) !== (current.categories[type] === true));
            tell(current, differ, sent);
          });
        }
      } else {
        const changed = types.filter((type) => granted(type) !== (previous.categories[type] === true));
        if (changed.some((type) => !granted(type))) withdrawSentGrants(sent, state);
        tell(state, changed, sent);
      }
      if (!granted('analytics') && (state.decided || previous?.categories.analytics === true)) forgetCookies(state);
    },
  };
}

/** Whether Piwik PRO's container snippet (or its container) is on the page: `ppms.cm.api` exists. */
function piwikProLoaded(): boolean {
  return typeof window.ppms?.cm?.api === 'function';
}

/** Sets `types` to their status in `state` (1 granted, 0 not), then clears cookies after a 0. */
function tell(state: ConsentState, types: string[], sent: ComplianceSettings[]): void {
  if (!types.length) return;
  const settings: ComplianceSettings = { consents: {} };
  for (const type of types) settings.consents![type] = { status: state.categories[type] === true ? 1 : 0 };
  const revoked = types.some((type) => state.categories[type] !== true);
  if (types.some((type) => state.categories[type] === true)) sent.push(settings);
  command('setComplianceSettings', settings, () => {
    if (revoked) forgetCookies(state);
  });
}

/** Deletes Piwik PRO's cookies while `analytics` is not granted; its records once no type is. */
function forgetCookies(state: ConsentState): void {
  if (state.categories.analytics === true) return;
  const none = !PIWIK_PRO_CONSENT_TYPES.some((type) => state.categories[type] === true);
  deleteCookies(none ? [...PIWIK_PRO_COOKIES, ...PIWIK_PRO_CONSENT_RECORDS] : PIWIK_PRO_COOKIES);
}

/**
 * Turns the withdrawn types to status 0 in the grants this integration sent before. A command that
 * still waits in the data layer for the container to load then says 0 when the container runs it,
 * so that Consent Manager never fires the tags of a consent already withdrawn; a command already
 * run is not read again.
 */
function withdrawSentGrants(sent: ComplianceSettings[], state: ConsentState): void {
  for (const settings of sent) {
    for (const [type, consent] of Object.entries(settings.consents ?? {})) {
      if (state.categories[type] !== true) consent.status = 0;
    }
  }
}

let rejected = false;

/**
 * Runs a Consent Manager command: through `ppms.cm.api`, or, before the snippet has run, pushed onto
 * `window.dataLayer` the way the snippet's stub does. A rejection gets one console error per page.
 */
function command(name: string, ...args: unknown[]): void {
  const onRejected = (error: unknown) => {
    if (!rejected) {
      report('piwik-pro-rejected', name, error);
    }
    rejected = true;
  };
  safely(() => {
    if (piwikProLoaded()) window.ppms!.cm!.api!(name, ...args, onRejected);
    else (window.dataLayer ??= []).push({ event: `ppms.cm:${name}`, parameters: [...args, onRejected] });
  });
}

/** The adapter, as `integrations="piwik-pro"` loads it (a part). */
export default piwikPro;
