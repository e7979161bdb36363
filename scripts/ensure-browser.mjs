// Makes sure the tests have a browser: on Debian as root it installs Debian's chromium when none
// is found; elsewhere it stops with one line saying what to install. Never downloads a browser build.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser } from './find-browser.mjs';

if (!findBrowser()) {
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canInstall) {
    console.log('No Chrome or Chromium found: installing Debian\'s chromium (apt-get) for the tests.');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null', { stdio: 'inherit' });
  }
  if (!findBrowser()) {
    console.error('No Chrome or Chromium found: install Debian\'s "chromium" package (apt-get install chromium) or set CHROME_PATH to a Chrome binary.');
    process.exit(1);
  }
}
