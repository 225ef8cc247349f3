/**
 * The browser far end (tests/browser/far-end): a web page running sip.js, registered to the
 * test Kamailio, driven from tests through typed wrappers around `window.farEnd`.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { ACCOUNTS } from './kamailio.ts';

export interface RtpBytes {
  received: number;
  sent: number;
}

/** Who the far end claims to be when calling: an outside number rather than its account. */
export interface CallingAs {
  uri: string;
  name?: string;
}

export interface FarEnd {
  page: Page;
  call(target: string, from?: CallingAs): Promise<void>;
  answer(): Promise<void>;
  hangup(): Promise<void>;
  hold(on: boolean): Promise<void>;
  mute(on: boolean): Promise<void>;
  /** What happened since the last `forget`: received, answered, hangup. */
  events(): Promise<string[]>;
  forget(): Promise<void>;
  stats(): Promise<RtpBytes | null>;
  /** Loudest RMS of the audio it receives, over `ms`. */
  energy(ms?: number): Promise<number>;
}

export interface FarEndOptions {
  /** The page to open, under the static server; the test far end by default. */
  page?: string;
  /** Outgoing audio: the (fake) microphone, or generated in the page. */
  source?: 'microphone' | 'tone' | 'echo';
  /** Answer incoming calls by itself after this many ms. */
  autoAnswerMs?: number;
  /** For an account a test added itself; the fixed accounts' passwords are known. */
  password?: string;
}

type RegisterOptions = Omit<FarEndOptions, 'page' | 'password'>;

interface FarEndApi {
  register(server: string, user: string, password: string, options: RegisterOptions): Promise<void>;
  call(target: string, from?: CallingAs): Promise<void>;
  answer(): Promise<void>;
  hangup(): Promise<void>;
  hold(on: boolean): Promise<void>;
  mute(on: boolean): Promise<void>;
  events(): string[];
  forget(): void;
  stats(): Promise<RtpBytes | null>;
  energy(ms: number): Promise<number>;
}

declare global {
  interface Window {
    farEnd: FarEndApi;
  }
}

export async function openFarEnd(
  context: BrowserContext,
  origin: string,
  wsUrl: string,
  user: string,
  options: FarEndOptions = {},
): Promise<FarEnd> {
  const { page: pagePath = 'far-end/index.html', password: given, ...registerOptions } = options;
  await context.grantPermissions(['microphone'], { origin });
  const page = await context.newPage();
  await page.goto(`${origin}/${pagePath}`);
  await page.waitForFunction(() => typeof window.farEnd === 'object');
  const password = given ?? ACCOUNTS[user] ?? '';
  const login = { wsUrl, user, password, registerOptions };
  await page.evaluate(
    (l) => window.farEnd.register(l.wsUrl, l.user, l.password, l.registerOptions),
    login,
  );

  return {
    page,
    call: (target, from) =>
      page.evaluate(([t, f]) => window.farEnd.call(t, f), [target, from] as const),
    answer: () => page.evaluate(() => window.farEnd.answer()),
    hangup: () => page.evaluate(() => window.farEnd.hangup()),
    hold: (on) => page.evaluate((o) => window.farEnd.hold(o), on),
    mute: (on) => page.evaluate((o) => window.farEnd.mute(o), on),
    events: () => page.evaluate(() => window.farEnd.events()),
    forget: () => page.evaluate(() => window.farEnd.forget()),
    stats: () => page.evaluate(() => window.farEnd.stats()),
    energy: (ms = 600) => page.evaluate((m) => window.farEnd.energy(m), ms),
  };
}
