/**
 * Real-browser harness: Debian's Chromium driven by playwright-core against the BUILT app
 * served by `vite preview` on 127.0.0.1 (a secure context, so service worker and camera work).
 */
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { getCertificate } from '@vitejs/plugin-basic-ssl'
import { preview, type PreviewServer } from 'vite'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { gzipStatic } from './gzipStatic'

export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url))

const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium']

export function chromiumPath(): string {
  const found = CHROMIUM_CANDIDATES.find((p): p is string => !!p && existsSync(p))
  if (!found) throw new Error('Chromium not found: apt-get install chromium, or set CHROMIUM_PATH')
  return found
}

export interface ServedApp {
  url: string
  close(): Promise<void>
}

export interface ServeOptions {
  /**
   * Over HTTPS, so Chromium speaks HTTP/2 to it, as it does to any host that serves a PWA (a service
   * worker and the camera need HTTPS, and HTTPS hosts speak HTTP/2). The certificate is self-signed:
   * launch the browser with `--ignore-certificate-errors`. Plain `vite preview` is HTTP/1.1.
   */
  https?: boolean
}

/** Serves dist/ (run `npm run build` first; .ci/run does). */
export async function serveBuiltApp(options: ServeOptions = {}): Promise<ServedApp> {
  if (!existsSync(`${projectRoot}dist/index.html`)) {
    throw new Error('dist/ is missing: run `npm run build` before `npm run test:e2e`')
  }
  // One PEM holds the key and the certificate; cached (and renewed when old) in the temp dir.
  const pem = options.https ? await getCertificate(join(tmpdir(), 'adminfield-preview-cert')) : undefined
  const server: PreviewServer = await preview({
    root: projectRoot,
    logLevel: 'warn',
    // As a static host serves it: text files gzipped once, not on each request (see gzipStatic.ts).
    plugins: [gzipStatic(join(projectRoot, 'dist'))],
    preview: {
      host: '127.0.0.1',
      port: 4300 + Math.floor(Math.random() * 500),
      strictPort: false,
      https: pem ? { key: pem, cert: pem } : undefined,
    },
  })
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('vite preview did not report a URL')
  return { url: url.replace(/\/$/, ''), close: () => server.close() }
}

export interface LaunchOptions {
  /** Absolute path of a 4:2:0 Y4M file the fake camera loops. */
  fakeVideo?: string
}

/** Chromium's flags for every browser test and bench: no GPU, no QUIC, no background traffic. */
export const CHROMIUM_ARGS = ['--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync']

export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const args = [...CHROMIUM_ARGS]
  if (options.fakeVideo) {
    args.push(
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${options.fakeVideo}`,
    )
  }
  return chromium.launch({ executablePath: chromiumPath(), args })
}

/** A phone-sized context (360 px wide) with a clean IndexedDB and service worker. */
export async function newPhoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    serviceWorkers: 'allow',
  })
  if (process.env.E2E_DIAG) traceContext(context)
  return context
}

/** E2E_DIAG=1: every page's console, errors and navigations, time-stamped, to find a flaky step. */
function traceContext(context: BrowserContext): void {
  const t0 = Date.now()
  const log = (page: Page, what: string) => console.log(`[diag +${Date.now() - t0}ms] ${page.url()} ${what}`)
  context.on('page', (page) => {
    page.on('console', (m) => log(page, `console.${m.type()}: ${m.text()}`))
    page.on('pageerror', (e) => log(page, `pageerror: ${e.message}`))
    page.on('framenavigated', (f) => f === page.mainFrame() && log(page, 'navigated'))
    page.on('crash', () => log(page, 'CRASH'))
  })
}

/** Waits until a service worker is active AND controls this page (reloading once if needed). */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  const controlled = await page.evaluate(() => !!navigator.serviceWorker.controller)
  if (!controlled) await page.reload()
  await page.waitForFunction(() => !!navigator.serviceWorker.controller)
}

/** Console errors that are the browser's own offline noise, not app failures. */
export function isOfflineNoise(text: string): boolean {
  return /ERR_INTERNET_DISCONNECTED|Failed to fetch|sw\.js|net::ERR/.test(text)
}

/** The page's own errors (uncaught, console.error), the browser's offline noise left out, added to `errors`: a test ends expecting []. */
export function collectAppErrors(page: Page, errors: string[] = []): string[] {
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error' && !isOfflineNoise(m.text())) errors.push(m.text())
  })
  return errors
}

export interface OpenAppOptions {
  /** Before the first page opens: the context's permissions, init scripts. */
  prepare?: (context: BrowserContext) => Promise<unknown>
  /** Logs unhandled rejections' reasons as console errors (they otherwise surface as minified names). */
  logRejections?: boolean
}

export interface OpenedApp {
  context: BrowserContext
  page: Page
  /** The app's errors in every tab opened on this context by these helpers. */
  errors: string[]
}

/** A fresh phone context on Home, controlled by the service worker, collecting the app's errors. */
export async function openAppOnHome(browser: Browser, baseURL: string, options: OpenAppOptions = {}): Promise<OpenedApp> {
  const context = await newPhoneContext(browser, baseURL)
  await options.prepare?.(context)
  const errors: string[] = []
  const page = await openTabOnHome(context, errors, options)
  await waitForServiceWorkerControl(page)
  return { context, page, errors }
}

/** Another tab of the app in `context`, on Home, its errors added to `errors`. */
export async function openTabOnHome(context: BrowserContext, errors: string[], options: Pick<OpenAppOptions, 'logRejections'> = {}): Promise<Page> {
  const page = await context.newPage()
  collectAppErrors(page, errors)
  if (options.logRejections) {
    await page.addInitScript(() => window.addEventListener('unhandledrejection', (e) => console.error('unhandled rejection', String(e.reason))))
  }
  await page.goto('/')
  await page.getByTestId('home-greeting').waitFor()
  return page
}

export interface BuiltAppHarness {
  /** The preview server's URL (set once the file's beforeAll has run). */
  readonly url: string
  readonly browser: Browser
  /** `openAppOnHome` on this file's browser and server. */
  open(options?: OpenAppOptions): Promise<OpenedApp>
}

/**
 * A test file's start-up: serves the built app and launches Chromium before its tests, closes both
 * after. `fakeVideo` gets the server's URL (a label's link carries its origin) and returns the Y4M
 * file the fake camera shows.
 */
export function useBuiltApp(options: { fakeVideo?: (appUrl: string) => string } = {}): BuiltAppHarness {
  let app: ServedApp | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    app = await serveBuiltApp()
    browser = await launchChromium({ fakeVideo: options.fakeVideo?.(app.url) })
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })
  const harness: BuiltAppHarness = {
    get url() {
      if (!app) throw new Error('useBuiltApp: the app is not served yet (use it inside a test or a later hook)')
      return app.url
    },
    get browser() {
      if (!browser) throw new Error('useBuiltApp: Chromium is not launched yet (use it inside a test or a later hook)')
      return browser
    },
    open: (openOptions) => openAppOnHome(harness.browser, harness.url, openOptions),
  }
  return harness
}

/** The Me page's count of changes the server has not accepted (opens the Me tab if needed). */
export async function pendingCount(page: Page): Promise<string | null> {
  const count = page.getByTestId('sync-pending')
  if (!(await page.getByTestId('sync-pending-loading').count()) && !(await count.count())) await page.getByTestId('tab-me').click()
  // Null (poll again) while the engine has not counted the outbox yet: never waits inside a poll.
  return (await count.count()) ? count.getAttribute('data-count') : null
}
