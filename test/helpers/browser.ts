/**
 * Debian's Chromium driven by playwright-core, for the web app's flows: never a downloaded
 * browser. Pages fail their test on a script error, a CSP violation or any dialog.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { ensureDashboardBundle } from '../../server/src/cli/dashboard-bundle.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const NO_CHROMIUM = `no Chromium at ${CHROMIUM}: the browser tests are skipped (no browser is downloaded; apt-get install chromium)`;
export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** The bundle the server serves, built once if missing or older than its sources. */
export function ensureBundle(): void {
  const state = ensureDashboardBundle(() => {});
  if (state === 'failed') throw new Error('the dashboard bundle does not build: run npm run build:dashboard');
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A session cookie for `email`, from the real login route. */
export async function sessionCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`login as ${email} → ${res.status}`);
  return /dash_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
}

export type Watched = { page: Page; context: BrowserContext; problems: string[]; dialogs: string[] };

/**
 * A fresh context (own cookies and storage) and page. `session`: logged in already;
 * `locale`: the language chosen in the switcher beforehand; `browserLocale`: Accept-Language.
 */
export async function openPage(browser: Browser, baseUrl: string, opts: {
  session?: string; locale?: string; browserLocale?: string; viewport?: { width: number; height: number };
} = {}): Promise<Watched> {
  const context = await browser.newContext({ viewport: opts.viewport ?? DESKTOP, locale: opts.browserLocale ?? 'en-US', timezoneId: 'Europe/Warsaw' });
  if (opts.session) await context.addCookies([{ name: 'dash_session', value: opts.session, url: baseUrl }]);
  if (opts.locale) await context.addInitScript((l) => localStorage.setItem('dash.locale', l), opts.locale);
  const page = await context.newPage();
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/401 \(Unauthorized\)/.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { page, context, problems, dialogs };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

export type OpenOptions = NonNullable<Parameters<typeof openPage>[2]>;

/**
 * Chromium for one test file: pages opened through it are watched, and `expectClean()` fails
 * on any script error, CSP violation or dialog among them, but problems matching `tolerated`.
 */
export function watchedBrowser(baseUrl: () => string, defaults: () => OpenOptions = () => ({})) {
  let browser: Browser | undefined;
  const pages: Watched[] = [];
  return {
    async launch(): Promise<void> {
      browser = await launchChromium();
    },
    async open(opts: OpenOptions = {}): Promise<Watched> {
      if (!browser) throw new Error('launch() the browser first');
      const w = await openPage(browser, baseUrl(), { ...defaults(), ...opts });
      pages.push(w);
      return w;
    },
    /** A watched page opened at `path` of the system under test. */
    async visit(path: string, opts: OpenOptions = {}): Promise<Watched> {
      const w = await this.open(opts);
      await w.page.goto(`${baseUrl()}${path}`);
      return w;
    },
    expectClean(tolerated?: RegExp): void {
      for (const w of pages) {
        expect({ problems: w.problems.filter((p) => !tolerated?.test(p)), dialogs: w.dialogs }).toEqual({ problems: [], dialogs: [] });
      }
    },
    close: async () => browser?.close(),
  };
}
