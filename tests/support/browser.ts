/**
 * Launches Debian's Chromium with the built extension (dist/) through playwright-core.
 * Facts this relies on: Playwright always passes --disable-extensions, so the extension must
 * also be named in --disable-extensions-except; certificate errors are waived by SPKI hash so
 * that the service worker and offscreen document accept the local hosts too; the offscreen
 * document cannot prompt for the microphone, so the grant is seeded into the new profile for
 * the extension origin before launch, where a user's "Allow" on an extension page stores it
 * (granting over CDP after launch races the engine's first microphone check).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { tls } from './tls.ts';

export const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

/** The id that manifest.json's fixed development key gives the extension. */
export const EXTENSION_ID = 'mmdgkapiggfoabalcempglkjonlknglf';

/** Host names of the CRMs and the demo PBX, all answered by local servers in tests. */
export const TEST_HOSTS = [
  '*.lightning.force.com',
  '*.my.salesforce.com',
  'app.hubspot.com',
  'app-eu1.hubspot.com',
  'api.hubapi.com',
  '*.zendesk.com',
  'pbx.example.test',
];

export interface LaunchOptions {
  /** Map every test host's port 443 to this local HTTPS port, so URLs need no port. */
  httpsPort?: number;
  /** `granted` (default) stores a microphone grant for the extension origin. */
  microphone?: 'granted' | 'none';
  /** A WAV file the fake microphone plays instead of its beep. */
  fakeAudioFile?: string;
  headless?: boolean;
  /** `false` uses the machine's real audio devices instead of Chromium's fake ones. */
  fakeMedia?: boolean;
  /**
   * `false` leaves SIGINT/SIGTERM/SIGHUP to the caller: by default Playwright closes the
   * browser and exits on them, before the caller could clean up what else it started.
   */
  handleSignals?: boolean;
  extraArgs?: string[];
  extensionDir?: string;
}

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker(): Promise<Worker>;
  /** Open an extension page, e.g. `extension/popup/index.html`. */
  openPage(pagePath: string): Promise<Page>;
  /**
   * Load the extension folder again over CDP (Extensions.loadUnpacked), which Chrome treats
   * as an update: onInstalled fires with reason `update`, open pages keep the old version's
   * orphaned content scripts. (chrome.runtime.reload() instead leaves an extension loaded by
   * --load-extension disabled here.)
   */
  update(): Promise<void>;
  /** Stop the service worker the way Chrome does when it idles. */
  stopServiceWorker(): Promise<void>;
  close(): Promise<void>;
}

/** The content setting Chromium stores when the user allows the microphone for an origin. */
function seedMicrophoneGrant(userDataDir: string): void {
  const origin = `chrome-extension://${EXTENSION_ID}/,*`;
  const preferences = {
    profile: {
      content_settings: { exceptions: { media_stream_mic: { [origin]: { setting: 1 } } } },
    },
  };
  fs.mkdirSync(path.join(userDataDir, 'Default'));
  fs.writeFileSync(path.join(userDataDir, 'Default', 'Preferences'), JSON.stringify(preferences));
}

export async function launchExtension(options: LaunchOptions = {}): Promise<LaunchedExtension> {
  const extensionDir = options.extensionDir ?? DIST;
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`no built extension in ${extensionDir}: run npm run build first`);
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cti-chromium-'));
  if ((options.microphone ?? 'granted') === 'granted') seedMicrophoneGrant(userDataDir);
  const target = options.httpsPort ? `127.0.0.1:${options.httpsPort}` : '127.0.0.1';
  const rules = TEST_HOSTS.map((h) =>
    options.httpsPort ? `MAP ${h}:443 ${target}` : `MAP ${h} ${target}`,
  );
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    // Lets update() load the extension again over CDP.
    '--enable-unsafe-extension-debugging',
    `--host-resolver-rules=${rules.join(', ')}`,
    `--ignore-certificate-errors-spki-list=${tls.spki}`,
    ...(options.fakeMedia === false ? [] : ['--use-fake-device-for-media-stream']),
    '--autoplay-policy=no-user-gesture-required',
    ...(options.fakeAudioFile
      ? [`--use-file-for-fake-audio-capture=${options.fakeAudioFile}`]
      : []),
    ...(options.extraArgs ?? []),
  ];
  const headless = options.headless ?? true;
  const handleSignals = options.handleSignals ?? true;
  const removeProfile = () => fs.rmSync(userDataDir, { recursive: true, force: true });
  const context = await chromium
    .launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless,
      args,
      // A window someone looks at keeps its own size instead of a fixed 1280x720 page.
      ...(headless ? {} : { viewport: null }),
      handleSIGINT: handleSignals,
      handleSIGTERM: handleSignals,
      handleSIGHUP: handleSignals,
    })
    .catch((error: unknown) => {
      removeProfile();
      throw error;
    });

  const serviceWorker = async (): Promise<Worker> => {
    const running = context.serviceWorkers().find((w) => w.url().includes(EXTENSION_ID));
    return running ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  };
  let extensionId: string;
  try {
    extensionId = new URL((await serviceWorker()).url()).host;
  } catch (error) {
    await context.close();
    removeProfile();
    throw error;
  }

  return {
    context,
    extensionId,
    serviceWorker,
    openPage: async (pagePath) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${pagePath}`);
      return page;
    },
    update: async () => {
      const browser = context.browser();
      if (!browser) throw new Error('no browser-level CDP for this context');
      const cdp = await browser.newBrowserCDPSession();
      await cdp.send('Extensions.loadUnpacked', { path: extensionDir });
      await cdp.detach();
    },
    stopServiceWorker: async () => {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    close: async () => {
      await context.close();
      removeProfile();
    },
  };
}
