import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, relative } from 'node:path'
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { VantResolver } from '@vant/auto-import-resolver'
import { VitePWA } from 'vite-plugin-pwa'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import type { Plugin } from 'vite'
import type { ChunkingContext } from 'rolldown'
import { iconCodePoints, iconNamesIn, inlinedIconFont, subsetIconFont, withoutUnusedIconRules } from './build/iconFont.ts'
import { hoistTransitiveImports } from './build/hoistTransitiveImports.ts'
import { compileHints } from './build/compileHints.ts'

const srcDir = fileURLToPath(new URL('./src', import.meta.url))

/**
 * The shell's own messages (boot bar, tabs, local-mode banner, sync badge) as a module of their
 * own, picked from zh-CN.json at build time: the entry chunk carries these few instead of the
 * whole core file (Home, Me, sign-in… arrive with the features' messages, which the router waits
 * for before the first page anyway). Nothing moves: zh-CN.json stays the one source.
 */
const SHELL_MESSAGES_ID = 'virtual:adminfield/shell-messages'
const shellMessagesFile = fileURLToPath(new URL('./src/shared/i18n/shell-messages.virtual.json', import.meta.url))
const SHELL_KEYS = ['app', 'nav', 'localMode', 'sync.badge']

function shellMessages(): Plugin {
  const source = fileURLToPath(new URL('./src/shared/i18n/messages/zh-CN.json', import.meta.url))
  return {
    name: 'adminfield:shell-messages',
    enforce: 'pre',
    resolveId: (id) => (id === SHELL_MESSAGES_ID ? shellMessagesFile : null),
    load(id) {
      if (id !== shellMessagesFile) return null
      this.addWatchFile(source)
      type Tree = Record<string, unknown>
      const all = JSON.parse(readFileSync(source, 'utf8')) as Tree
      const picked: Tree = {}
      for (const path of SHELL_KEYS) {
        const keys = path.split('.')
        const last = keys.pop() as string
        let from = all
        let into = picked
        for (const key of keys) {
          from = from[key] as Tree
          into = (into[key] ??= {}) as Tree
        }
        into[last] = from[last]
      }
      return JSON.stringify(picked)
    },
  }
}

/**
 * Vant inlines its icon font into its CSS as base64 (~25 kB that gzip cannot shrink) and adds
 * a third-party CDN fallback. Serve the font as its own precached file instead: the CSS stays
 * small and no request leaves for a CDN. The build ships only the glyphs of the icons its code
 * can show (build/iconFont.ts; ~8 kB), under a name hashed from that subset; the rest of Vant's
 * icon CSS stays (a class without its glyph shows nothing). The dev server serves the whole font.
 */
function vantIconFontAsFile(): Plugin {
  const fontFile = fileURLToPath(new URL('./node_modules/.cache/adminfield/vant-icon.woff2', import.meta.url))
  let font: { data: Buffer; icons: Map<string, number> } | undefined
  return {
    name: 'adminfield:vant-icon-font',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]vant[\\/]es[\\/]icon[\\/]index\.css$/.test(id.split('?')[0] ?? '')) return null
      const inlined = inlinedIconFont(code)
      if (!inlined) return null
      font = { data: inlined.font, icons: iconCodePoints(code) }
      mkdirSync(dirname(fontFile), { recursive: true })
      // A new file, not a write into the existing one: node_modules may be hard-linked between checkouts.
      rmSync(fontFile, { force: true })
      writeFileSync(fontFile, font.data)
      const url = relative(dirname(id), fontFile).split('\\').join('/')
      return { code: code.replace(inlined.src, `url(${url}) format("woff2")`), map: null }
    },
    generateBundle: {
      // After index.html is written (the entry's CSS, with the @font-face, is inlined into it).
      order: 'post',
      async handler(_, bundle) {
        const emitted = Object.values(bundle).find((file) => file.type === 'asset' && /(^|\/)vant-icon-[\w-]+\.woff2$/.test(file.fileName))
        if (!font || !emitted) return
        const { data, icons } = font
        // What can show an icon: the code, and HTML's markup (its inlined styles name every icon).
        const code = Object.values(bundle).map((file) => {
          if (file.type === 'chunk') return file.code
          return file.fileName.endsWith('.html') ? String(file.source).replace(/<style[^>]*>[\s\S]*?<\/style>/g, '') : ''
        })
        const names = iconNamesIn(code.join('\n'), icons.keys())
        const subset = await subsetIconFont(data, [...names].map((name) => icons.get(name) as number))
        const hash = createHash('sha256').update(subset).digest('base64url').slice(0, 8)
        const fileName = emitted.fileName.replace(/vant-icon-[\w-]+\.woff2$/, `vant-icon-${hash}.woff2`)
        delete bundle[emitted.fileName]
        this.emitFile({ type: 'asset', fileName, source: subset })
        for (const file of Object.values(bundle)) {
          const text = file.type === 'chunk' ? file.code : typeof file.source === 'string' ? file.source : undefined
          if (!text?.includes(emitted.fileName)) continue
          const renamed = text.split(emitted.fileName).join(fileName)
          if (file.type === 'chunk') file.code = renamed
          else file.source = renamed
          // A hashed file's name would no longer follow its content (a cache could keep the old one).
          if (!file.fileName.endsWith('.html')) this.warn(`${file.fileName} names the icon font: its hash does not follow the subset's`)
        }
        // The inlined entry stylesheet (index.html) names every icon: keep only the rules of those kept.
        for (const file of Object.values(bundle)) {
          if (file.type === 'asset' && /\.(html|css)$/.test(file.fileName) && typeof file.source === 'string') file.source = withoutUnusedIconRules(file.source, names)
        }
        this.info(`vant-icon: ${names.size} of ${icons.size} icons, ${data.length} → ${subset.length} bytes`)
      },
    },
  }
}

/**
 * The entry's stylesheet (base styles, the shell's Vant components; ~6 kB gzip) inlined into
 * index.html (issue 13): the first paint waited for it, one more request after the document on a
 * slow network. Lazy chunks still list it among what to load with them; Vite's loader skips a
 * stylesheet a <link> already names, so a disabled link (never fetched) stands in its place.
 */
function inlineEntryCss(): Plugin {
  return {
    name: 'adminfield:inline-entry-css',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle
        if (!bundle) return html
        return html.replace(/<link rel="stylesheet"[^>]*? href="\/(assets\/[\w-]+\.css)">/g, (tag, file: string) => {
          const asset = bundle[file]
          if (asset?.type !== 'asset') return tag
          delete bundle[file]
          // Made by a script, not written in the HTML: the browser's preload scanner fetches a
          // stylesheet <link> the parser meets even when it is disabled (a wasted request on the
          // critical path), but never one a script adds disabled.
          const link = `{const l=document.createElement('link');l.rel='stylesheet';l.disabled=true;l.href='/${file}';document.head.append(l)}`
          return `<style>${String(asset.source)}</style>\n    <script>${link}</script>`
        })
      },
    },
  }
}

/**
 * The chunks the entry imports (Rolldown's runtime helpers, kept apart from the entry by the bundler)
 * preloaded from the HTML: found only once the entry had downloaded, they cost every page one more
 * round trip before anything ran (issue 13). Vite adds these links itself only with
 * `build.modulePreload`, which is off (see there).
 */
function entryImportsPreloaded(): Plugin {
  return {
    name: 'adminfield:entry-imports-preloaded',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, { chunk }) =>
        (chunk?.imports ?? []).map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const })),
    },
  }
}

/**
 * The entry's module script and its modulepreload fetched at low priority (issue 13). A module
 * script never holds the first paint (it runs after parsing, and the boot shell in the HTML is
 * what paints first), but it is fetched at high priority, and Lighthouse counts high-priority
 * scripts that end before the first paint as blocking it: on a fast link its FCP grew by the
 * whole entry chunk (~85 kB gzip, 1.5 s instead of ~0.9 s on simulated 4G). Nothing else is in
 * flight then, so the lower priority does not delay it.
 */
function entryScriptsLowPriority(): Plugin {
  return {
    name: 'adminfield:entry-scripts-low-priority',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(/<(script type="module"|link rel="modulepreload") crossorigin /g, '<$1 fetchpriority="low" crossorigin '),
    },
  }
}

/** Dexie and the db modules start-up loads with it (the `db` chunk). */
const DB_MODULES = /node_modules[\\/]dexie[\\/]|[\\/]src[\\/]platform[\\/]db[\\/](index|schema|schemaVersions|schemaUpgrades|observe|changes|assetIndex|inspectionScores|kpiMonths)\.ts$/
/** Whether a module imports one that `test` matches, itself or through its static imports. */
function reaches(id: string, ctx: ChunkingContext, test: RegExp): boolean {
  const seen = new Set([id])
  const queue = [id]
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    if (test.test(next)) return true
    for (const imported of ctx.getModuleInfo(next)?.importedIds ?? []) {
      if (seen.has(imported)) continue
      seen.add(imported)
      queue.push(imported)
    }
  }
  return false
}

const ZOD = /node_modules[\\/]zod[\\/]/
/** What renders: single-file components and Vant. */
const RENDERS = /\.vue($|\?)|node_modules[\\/](vant|@vant)[\\/]/
/** Vant's helpers and the components nearly every page shows (cells, buttons, fields, icons, tags, toasts). */
const VANT_BASE = /node_modules[\\/](@vant[\\/]use|vant[\\/]es[\\/](utils|composables|cell|cell-group|button|icon|badge|tag|loading|field|form|toast|popup|overlay)[\\/])/

/**
 * Families of shared app modules that load together (issue 13): a page loads only the families it
 * uses. One `core` for all made the KPI dashboard load the custody, task and photo code of other
 * pages (~26 kB gzip of which it used a few), before its largest paint.
 */
const SHARED_FAMILIES: [RegExp, string][] = [
  [/[\\/]src[\\/](shared[\\/]ui[\\/]photos|platform[\\/]photos)[\\/]/, 'core-photos'],
  [/[\\/]src[\\/]features[\\/](assets|seals|licences|vehicles|labels|scan)[\\/]/, 'core-custody'],
  [/[\\/]src[\\/]features[\\/](tasks|requests|supervision)[\\/]/, 'core-control'],
  [/[\\/]src[\\/]features[\\/](inspections|rectification|rankings)[\\/]/, 'core-checklists'],
  [/[\\/]src[\\/]features[\\/]dorms[\\/]/, 'core-dorms'],
  [/[\\/]src[\\/]features[\\/]sync[\\/]/, 'core-sync'],
]

/**
 * The shared chunk a module that many pages use goes to (issue 13). Every page loads its shared
 * chunks whole, so:
 * - a module that reaches zod stays out of them (null): zod loads when something is validated;
 * - one that reaches the device db (Dexie) goes to `core-db`, so a first screen that reads no
 *   device data (Home, painted from the last-known identity) loads neither Dexie nor its code;
 * - the rest goes to its family (SHARED_FAMILIES); else to `core` if it renders (its components
 *   bring stylesheets and Vant with them), or `core-lib` if it is plain code. The device db's own
 *   chunk imports shared helpers (dates, the calendar): with the UI in the same chunk, loading
 *   Dexie first fetched `core`'s and Vant's stylesheets, then their code, before its own request.
 */
function sharedChunkOf(id: string, ctx: ChunkingContext): string | null {
  if (reaches(id, ctx, ZOD)) return null
  if (reaches(id, ctx, DB_MODULES)) return 'core-db'
  return SHARED_FAMILIES.find(([test]) => test.test(id))?.[1] ?? (reaches(id, ctx, RENDERS) ? 'core' : 'core-lib')
}

/**
 * Vant components beyond the base ones, by what shows them (issue 13): the photo viewer, choices
 * (checkboxes, radios, steppers…), tabs and menus, and the rest (dialogs, empty states…). In one
 * file (~17 kB gzip), a page that shows no photo or tab loaded them before its largest paint.
 */
const VANT_FAMILIES: [RegExp, string][] = [
  [/[\\/]vant[\\/]es[\\/](image-preview|image|swipe|swipe-item)[\\/]/, 'vant-photos'],
  [/[\\/]vant[\\/]es[\\/](checkbox|checkbox-group|radio|radio-group|stepper|switch|search)[\\/]/, 'vant-choice'],
  [/[\\/]vant[\\/]es[\\/](tab|tabs|sticky|dropdown-menu|dropdown-item|step|steps)[\\/]/, 'vant-tabs'],
]
const vantChunkOf = (id: string): string => VANT_FAMILIES.find(([test]) => test.test(id))?.[1] ?? 'vant-more'

/** Start-up and sync modules (session, demo seed, Supabase, the sync engine): kept out of the shared `core` chunk. */
const START_UP_MODULES = /[\\/]src[\\/](app[\\/]|platform[\\/](demo|supabase|sync|db[\\/]meta)|features[\\/]auth[\\/]data|platform[\\/]photos[\\/]appTransport)/

export default defineConfig(({ command }) => ({
  resolve: { alias: { '@': srcDir } },
  // Compile-time flags: drop Vue's Options API and vue-i18n's legacy API and devtools hooks
  // from the bundle (the app uses the Composition API only).
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    __INTLIFY_DROP_MESSAGE_COMPILER__: String(command === 'build'),
  },
  plugins: [
    shellMessages(),
    hoistTransitiveImports(),
    compileHints(),
    // Production builds ship the i18n messages precompiled (vue-i18n's AST) and vue-i18n's
    // runtime-only build, so no message compiler is in the bundle. Dev and tests keep plain
    // strings, compiled just in time (tests read the message files as strings).
    command === 'build' &&
      VueI18nPlugin({
        include: [fileURLToPath(new URL('./src/shared/i18n/messages/*.json', import.meta.url)), shellMessagesFile],
        runtimeOnly: true,
        compositionOnly: true,
        fullInstall: false,
        dropMessageCompiler: true,
        strictMessage: true,
      }),
    vantIconFontAsFile(),
    inlineEntryCss(),
    entryImportsPreloaded(),
    entryScriptsLowPriority(),
    vue(),
    // Vant components and their per-component CSS only; project code is imported explicitly.
    Components({ resolvers: [VantResolver()], dirs: [], dts: false }),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/*.png'],
      manifest: {
        name: '行政外勤 AdminField',
        short_name: '行政外勤',
        description: '行政部外勤应用 · Administration field app',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1989fa',
        background_color: '#f7f8fa',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // Web Push for reminders (issue 11): the push and notificationclick handlers.
        importScripts: ['push-sw.js'],
      },
    }),
  ],
  build: {
    target: 'es2022',
    // No <link rel=modulepreload> added at run time (issue 13): each one the preload helper appends
    // costs ~1 ms of main thread (×4 on a slow phone), and Home appended ~40 while its sections
    // loaded. Chunks are few (the groups below), and each names its whole static graph in its
    // imports (build/hoistTransitiveImports.ts), so the browser's own module loading adds one round
    // trip, not one per level. Preloading every dependency instead cost Inspection and KPI
    // 0.2–0.3 s of LCP over HTTP/2 (bandwidth shared with chunks needed sooner). CSS stays split per chunk: all of it inlined (~22 kB gzip) made
    // index.html 27 kB and First Contentful Paint 0.9–1.2 s instead of 0.7 s, for no less blocking
    // time (Lighthouse, Fuel form and asset page, 3 runs each).
    modulePreload: false,
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the entry imports statically is one chunk (and one stylesheet): the first
          // screen costs a few requests instead of ~70 in chains. Lazy pages keep their own chunks,
          // but what many pages share is grouped (issue 13): a page needed 27–60 chunks (each Vant
          // component, its style, every small shared module its own file); each one is a request,
          // a preload link and a module to instantiate, which on a slow phone cost more main-thread
          // time than the code itself. Now a page needs ~11–19.
          groups: [
            { name: 'app', tags: ['$initial'], priority: 3 },
            // The device db exactly as start-up loads it (no page code joins it).
            // Not what they import (the date and calendar helpers): a page using one of those would
            // then load Dexie with it.
            { name: 'db', test: DB_MODULES, priority: 2, includeDependenciesRecursively: false },
            // zod alone, as before: start-up (remote mode) and the sync engine need it, not the shell.
            { name: 'schemas', test: ZOD, priority: 2 },
            // Vant components (and their styles) used by several pages: a few files instead of ~60. The
            // few that nearly every page shows are one (~9 kB gzip); the rest by family (vantChunkOf),
            // which Home and Scan skip.
            { name: 'vant', test: VANT_BASE, minShareCount: 4, priority: 1 },
            { name: vantChunkOf, test: /node_modules[\\/](vant|@vant)[\\/]/, minShareCount: 4, priority: 1 },
            // Each feature's Home section list (a few bytes each, 8 requests on Home): one file.
            { name: 'todo', test: /[\\/]src[\\/]features[\\/][^\\/]+[\\/]todo\.ts$/, priority: 1 },
            // App modules most pages share (sharedChunkOf). Start-up modules stay out: the start-up
            // path is unchanged.
            {
              name: sharedChunkOf,
              test: (id) => /[\\/]src[\\/]/.test(id) && !START_UP_MODULES.test(id),
              minShareCount: 12,
              // Each module to its own family: pulled in as a dependency, the photo store went to
              // `core-db`, and the seal-use form then loaded Dexie before its first paint.
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/components/**/*.test.ts'],
          environment: 'happy-dom',
          // A bound, not a wait: on a busy 2-core machine a page test that mounts, saves and
          // waits for its live queries can take several seconds (5 s, the default, failed there).
          testTimeout: 30_000,
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: ['tests/db/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // Generous: waits end as soon as the page is ready; a busy 2-core CI machine decodes slowly.
          testTimeout: 300_000,
          hookTimeout: 180_000,
          // A poll of a check that does not wait (isVisible, count) gets more than Vitest's 1 s.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
      {
        // `npm run bench`: measurements printed as a table; they check correctness, never time.
        extends: true,
        test: {
          name: 'bench',
          include: ['tests/bench/**/*.bench.ts'],
          environment: 'node',
          testTimeout: 600_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
}))
