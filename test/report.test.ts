import './fail-on-errors.js';
// Reporting a mistake by its key (src/report.ts): the text comes from the messages' part
// (src/messages.ts), loaded at the first mistake of a page. Each test file runs in a page of its
// own, so the first test here meets the part still loading.
import { expect } from '@open-wc/testing';
import { report, reportOnce, warn } from '../src/report.js';
import { captureConsole } from './helpers.js';

describe('report: console messages by key (src/report.ts, src/messages.ts)', () => {
  it('prints what was reported, in order, also while the texts load, and shows a value as it was when reported', async () => {
    const texts = { nl: { intro: 42 } };
    const errors = await captureConsole('error', () => {
      report('texts', texts);
      texts.nl.intro = 43;
      report('second-banner');
      report('config-key', 'extra');
    });
    expect(errors).to.deep.equal([
      '<consent-banner>: texts must be an object of languages ({ "nl": { "intro": "…" } }); got {"nl":{"intro":42}}. Using the built-in texts.',
      '<consent-banner>: this page has more than one <consent-banner>; the extra one does nothing.',
      '<consent-banner>: config.extra is not a setting (expected "categories" or "texts"); ignored.',
    ]);
  });

  it('once the texts are there, prints at once, before report returns', async () => {
    await captureConsole('error', () => report('second-banner'));
    const printed: unknown[] = [];
    const original = console.error;
    console.error = (message: unknown) => printed.push(message);
    try {
      report('config-key', 'now');
    } finally {
      console.error = original;
    }
    expect(printed).to.deep.equal(['<consent-banner>: config.now is not a setting (expected "categories" or "texts"); ignored.']);
  });

  it('reportOnce prints a text once, but the same key with other values again', async () => {
    const errors = await captureConsole('error', () => {
      reportOnce('iframe-src', 'javascript:alert(1)');
      reportOnce('iframe-src', 'javascript:alert(1)');
      reportOnce('iframe-src', 'data:text/html,x');
    });
    expect(errors).to.deep.equal([
      '<consent-banner>: a gated iframe\'s data-src must be an http(s) address; got "javascript:alert(1)". It stays blocked.',
      '<consent-banner>: a gated iframe\'s data-src must be an http(s) address; got "data:text/html,x". It stays blocked.',
    ]);
  });

  it('a message whose text cannot be made shows its key and values, and the messages after it still print; nothing throws', async () => {
    const unprintable = {
      toString(): string {
        throw new Error('no text');
      },
    };
    const errors = await captureConsole('error', () => {
      report('render-failed', unprintable);
      report('second-banner');
    });
    expect(errors).to.deep.equal([
      '<consent-banner>: render-failed [{}] (docs/troubleshooting.md)',
      '<consent-banner>: this page has more than one <consent-banner>; the extra one does nothing.',
    ]);
  });

  it('an error reported keeps its name and text, also where the key stands in for the message', async () => {
    class PpmsError extends Error {
      override name = 'PpmsError';
    }
    const errors = await captureConsole('error', () => {
      report('integration-failed', new PpmsError('rejected'));
      report('language-part', 'fy', { toString: () => { throw new PpmsError('no text'); }, cause: new PpmsError('too') });
    });
    expect(errors).to.deep.equal([
      '<consent-banner>: an analytics integration failed (PpmsError: rejected).',
      '<consent-banner>: language-part ["fy",{"cause":"PpmsError: too"}] (docs/troubleshooting.md)',
    ]);
  });

  it('warn prints a warning, not an error', async () => {
    let errors: string[] = [];
    const warnings = await captureConsole('warn', async () => {
      errors = await captureConsole('error', () => warn('no-cookies'));
    });
    expect(errors).to.deep.equal([]);
    expect(warnings).to.deep.equal(['<consent-banner>: cookies cannot be read or written here; the choice is kept for this page only.']);
  });
});
