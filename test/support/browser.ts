import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, chromium, Page } from 'playwright-core';
import { consoleDir } from '../../apps/api/src/console-static';

/** Debian's Chromium; `.ci/run` installs it. No browser is ever downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(__dirname, '..', '..', 'screenshots');

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

/** What a page's person asked the system for (the CSS `prefers-reduced-motion`). */
export type MotionPreference = 'reduce' | 'no-preference';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(join(consoleDir(), 'index.html')))
    throw new Error(`No console build in ${consoleDir()}: npm run build:console`);
  if (!existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/**
 * Chromium for one browser suite: every page it opens records its console errors and uncaught
 * exceptions, which `takeErrors()` hands over (and clears) for the suite to assert empty.
 */
export class ConsoleBrowser {
  private browser: Browser | null = null;
  private readonly errors: string[] = [];

  async launch(): Promise<void> {
    this.browser = await launchBrowser();
  }

  async close(): Promise<void> {
    await this.browser?.close();
  }

  /**
   * A page in a context of its own. Its person asks the system for reduced motion unless the test
   * says otherwise: the console then runs without animations, so a click never lands on a dialog
   * still opening.
   */
  async newPage(
    viewport: keyof typeof VIEWPORTS = 'desktop',
    reducedMotion: MotionPreference = 'reduce',
  ): Promise<Page> {
    if (!this.browser) throw new Error('ConsoleBrowser.launch() first');
    const context = await this.browser.newContext({
      viewport: VIEWPORTS[viewport],
      locale: 'vi-VN',
      acceptDownloads: true,
      reducedMotion,
    });
    const page = await context.newPage();
    this.errors.push(...consoleErrors(page));
    return page;
  }

  takeErrors(): string[] {
    return this.errors.splice(0);
  }
}

/** Collects the page's console errors and uncaught exceptions, to be asserted empty. */
export function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/**
 * Signs in through the login screen, as a person would, and waits for the role's home screen
 * (the province officer's is the ranking).
 */
export async function signIn(
  page: Page,
  baseUrl: string,
  username: string,
  home = 'Việc cần làm',
): Promise<void> {
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: home, level: 1 }).waitFor();
}

/**
 * Waits (up to 2 s) for the page's finite animations and transitions — a panel opening, a dialog
 * fading in — to end, so that screenshots and axe see the page at rest: mid-fade, text is paler
 * than the user ever sees it. Endless ones (a spinner) are not waited for.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(`Promise.race([
    Promise.all(document.getAnimations()
      .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
      .map((animation) => animation.finished.catch(() => undefined))),
    new Promise((resolve) => setTimeout(resolve, 2000)),
  ])`);
}

/**
 * axe-core's serious and critical violations on the page as it is now, violations only. Legacy
 * mode runs axe in the page and in each same-origin frame (the apology slip's PDF preview), where
 * the default opens a blank page at each call to gather the frames' results: a third of the time,
 * the same findings. A cross-origin frame would not be audited; the console has none.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await settled(page);
  const { violations } = await new AxeBuilder({ page })
    .setLegacyMode()
    .options({ resultTypes: ['violations'] })
    .analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} at ${violation.nodes
          .slice(0, 3)
          .map((node) => `${node.target.join(' ')} ${node.html.slice(0, 160)}`)
          .join(', ')}${violation.nodes.length > 3 ? ` (+${violation.nodes.length - 3})` : ''}`,
    );
}

/** A screenshot of the whole page at the viewport's width, under screenshots/ (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await settled(page);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Follows a link of the header's navigation; on a phone it sits in the drawer behind "Menu". */
export async function navigate(page: Page, label: string): Promise<void> {
  const menu = page.getByRole('button', { name: 'Menu', exact: true });
  if (await menu.isVisible()) await menu.click();
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: label })
    .click();
}
