import '../fail-on-errors.js';
import { expect, waitUntil } from '@open-wc/testing';
import { ConsentController, type ControllerChange, type ControllerOptions } from '../../src/controller/ConsentController.js';
import type { ConsentState } from '../../src/events.js';
import type { ConsentIntegration } from '../../src/effects/integrations/types.js';
import { ConsentStore } from '../../src/decision/consent-store.js';
import type { CategoryConfig } from '../../src/decision/types.js';
import { captureConsole, clearCookies, cookieNames, fakeAnalyticsInline, withThrowingGpc } from '../helpers.js';

const CATEGORIES: CategoryConfig[] = [
  { id: 'necessary', label: 'n', description: 'n', cookies: [] },
  { id: 'analytics', label: 'a', description: 'a', cookies: [] },
];

const options = (extra: Partial<ControllerOptions> = {}): ControllerOptions => ({ categories: CATEGORIES, receiptUrl: null, ...extra });

/** The steps the controller takes, in the order they happened, as the fakes below see them. */
let steps: string[] = [];

/** A fake analytics tool's integration (the tool is the outside world): records what it hears, and whether the gated script ran before. */
function fakeIntegration(): ConsentIntegration & { heard: [ConsentState, ConsentState | null][] } {
  const heard: [ConsentState, ConsentState | null][] = [];
  return {
    heard,
    update(state, previous) {
      heard.push([state, previous]);
      steps.push(`tell analytics=${state.categories.analytics} (gated script ran: ${Boolean(window.fakeAnalyticsRuns?.controller)}, _pk_id: ${cookieNames().includes('_pk_id.1.x')})`);
    },
  };
}

let gated: HTMLScriptElement;
let controllers: ConsentController[] = [];

function controllerWith(extra: Partial<ControllerOptions> = {}): ConsentController {
  const controller = new ConsentController(options(extra));
  controllers.push(controller);
  controller.addEventListener('change', (event) => {
    const { state, origin } = (event as CustomEvent<ControllerChange>).detail;
    steps.push(`change ${origin} analytics=${state.categories.analytics}`);
  });
  return controller;
}

describe('ConsentController: deciding, acting, telling, in one order (I8)', () => {
  beforeEach(() => {
    clearCookies();
    steps = [];
    window.fakeAnalyticsRuns = {};
    gated = document.createElement('script');
    gated.type = 'text/plain';
    gated.dataset.consentCategory = 'analytics';
    gated.text = `${fakeAnalyticsInline('controller')} document.dispatchEvent(new Event('fake-analytics-ran'));`;
    document.addEventListener('fake-analytics-ran', () => steps.push('gated script ran'), { once: true });
    document.body.append(gated);
  });
  afterEach(() => {
    controllers.forEach((controller) => controller.stop());
    controllers = [];
    document.querySelectorAll('script[data-consent-category]').forEach((script) => script.remove());
  });

  it('tools hear first, then gated elements come alive, then refused cookies go, then change is told', () => {
    const analytics = fakeIntegration();
    const controller = controllerWith({ integrations: [analytics] });
    controller.decide({ analytics: true }, 'accept-all');
    document.cookie = '_pk_id.1.x=1; Path=/';
    controller.decide({ analytics: false }, 'reject-all');
    expect(steps).to.deep.equal([
      'tell analytics=false (gated script ran: false, _pk_id: false)',
      'tell analytics=true (gated script ran: false, _pk_id: false)',
      'gated script ran',
      'change page analytics=true',
      // Withdrawal: the tool hears while its cookie is still there (to forget), then it is deleted.
      'tell analytics=false (gated script ran: true, _pk_id: true)',
      'change page analytics=false',
    ]);
    expect(cookieNames()).to.not.include('_pk_id.1.x');
    expect(analytics.heard.map(([, previous]) => previous?.categories.analytics ?? null)).to.deep.equal([null, false, true]);
  });

  it('whenGranted settles on the grant, and never for a name that is not a category', async () => {
    const controller = controllerWith();
    let granted = false;
    void controller.whenGranted('analytics').then(() => (granted = true));
    const errors = await captureConsole('error', () => void controller.whenGranted('__proto__'));
    expect(errors).to.have.length(1);
    controller.decide({ analytics: true }, 'accept-all');
    await waitUntil(() => granted, 'whenGranted settles');
  });

  it('one step that throws gets one console error; the others, and the event, go on', async () => {
    const controller = controllerWith();
    const broken: ConsentIntegration = {
      update() {
        throw new Error('fake: a broken tool');
      },
    };
    const errors = await captureConsole('error', () => {
      controller.configure(options({ integrations: [broken] }));
      controller.decide({ analytics: true }, 'accept-all');
    });
    expect(errors).to.have.length(2);
    expect(errors[1]).to.match(/telling the integrations failed \(Error: fake: a broken tool\); the rest went on/);
    expect(steps).to.deep.equal(['gated script ran', 'change page analytics=true']);
  });

  it('a Global Privacy Control getter that throws is no signal, and breaks nothing', async () => {
    await withThrowingGpc(() => {
      const controller = controllerWith();
      expect(controller.decision).to.equal(null);
      controller.decide({ analytics: true }, 'accept-all');
      expect(controller.isGranted('analytics')).to.equal(true);
    });
  });

  it('changed options are a change: the tools hear, the gate follows, change says "options"', () => {
    const analytics = fakeIntegration();
    const controller = controllerWith({ policyVersion: '1', integrations: [analytics] });
    controller.decide({ analytics: true }, 'accept-all');
    steps = [];
    controller.configure(options({ policyVersion: '2', integrations: [analytics] }));
    expect(controller.decision).to.equal(null);
    expect(steps).to.deep.equal([
      'tell analytics=false (gated script ran: true, _pk_id: false)',
      'change options analytics=false',
    ]);
    // The same options again: the effects run again (idempotent), but nothing changed to announce.
    steps = [];
    controller.configure(options({ policyVersion: '2', integrations: [analytics] }));
    expect(steps).to.deep.equal(['tell analytics=false (gated script ran: true, _pk_id: false)']);
  });

  it('names where a change came from: this page, another tab, a reset', async () => {
    const controller = controllerWith();
    controller.start();
    controller.decide({ analytics: false }, 'reject-all');
    const otherTab = new ConsentStore({ categoryIds: ['analytics'] });
    otherTab.startSync();
    otherTab.decide({ analytics: true }, 'accept-all');
    await waitUntil(() => steps.includes('change tab analytics=true'), 'the other tab\'s decision arrives');
    controller.forget();
    otherTab.stopSync();
    expect(steps.filter((step) => step.startsWith('change'))).to.deep.equal([
      'change page analytics=false',
      'change tab analytics=true',
      'change reset analytics=false',
    ]);
  });
});
