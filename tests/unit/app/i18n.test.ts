import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import zhCN from '@/shared/i18n/messages/zh-CN'
import en from '@/shared/i18n/messages/en'
import { GLOSSARY } from '@/shared/i18n/glossary'
import { ROLES } from '@/features/auth/domain/roles'
import { TODO_SECTIONS } from '@/features/home/domain/todoSections'
import { DEFAULT_LOCALE, isAppLocale, loadLocale } from '@/shared/i18n/locale'
import { applySavedLocale, createAppI18n, ensureMessages, loadAllMessages, setAppLocale } from '@/shared/i18n'
import { defineComponent, h, isReactive, nextTick } from 'vue'
import { mount } from '@vue/test-utils'
import { Locale as VantLocale } from 'vant'

type Tree = { [key: string]: string | Tree }

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)))
}

function lookup(tree: Tree, path: string): string | Tree | undefined {
  return path.split('.').reduce<string | Tree | undefined>((node, k) => (node && typeof node === 'object' ? node[k] : undefined), tree)
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort()
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|vue)$/.test(name) ? [path] : []
  })
}

const zhKeys = keys(zhCN)
const enKeys = keys(en)

describe('i18n messages', () => {
  it('has every zh-CN key in English and vice versa', () => {
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([])
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([])
  })

  it('uses the same placeholders in both languages, and no empty texts', () => {
    for (const key of zhKeys) {
      const zh = lookup(zhCN, key) as string
      const e = lookup(en, key) as string
      expect(placeholders(e), key).toEqual(placeholders(zh))
      expect(zh.trim(), key).not.toBe('')
      expect(e.trim(), key).not.toBe('')
    }
  })

  it('avoids vue-i18n syntax characters that would break a message', () => {
    for (const [tree, list] of [[zhCN, zhKeys], [en, enKeys]] as const) {
      for (const key of list) expect(lookup(tree, key) as string, key).not.toMatch(/[@|]/)
    }
  })

  it('names every role and every to-do section', () => {
    for (const role of ROLES) expect(lookup(zhCN, `roles.${role}`), role).toBeTypeOf('string')
    for (const s of TODO_SECTIONS) {
      expect(lookup(zhCN, `home.sections.${s}.title`), s).toBeTypeOf('string')
      expect(lookup(zhCN, `home.sections.${s}.empty`), s).toBeTypeOf('string')
    }
  })

  it('has a message for every literal key the source code uses', () => {
    const srcDir = join(process.cwd(), 'src')
    const missing: string[] = []
    for (const file of sourceFiles(srcDir)) {
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) {
        const key = m[1] ?? ''
        if (typeof lookup(zhCN, key) !== 'string') missing.push(`${file.slice(srcDir.length)}: ${key}`)
      }
    }
    expect(missing).toEqual([])
  })
})

describe('glossary', () => {
  it('maps each term to a unique code name', () => {
    const codes = GLOSSARY.map((e) => e.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const term of ['用印登记', '行政部长', '督办', '整改', '出车', '加油']) {
      expect(GLOSSARY.some((e) => e.zh === term), term).toBe(true)
    }
  })

  it('agrees with the role names shown in the UI', () => {
    for (const entry of GLOSSARY.filter((e) => e.kind === 'role')) {
      expect(ROLES as readonly string[]).toContain(entry.code)
      expect(lookup(zhCN, `roles.${entry.code}`)).toBe(entry.zh)
      expect(lookup(en, `roles.${entry.code}`)).toBe(entry.en)
    }
  })
})

describe('locale choice', () => {
  it('defaults to zh-CN and remembers a valid choice', () => {
    localStorage.removeItem('adminfield.locale')
    expect(loadLocale()).toBe(DEFAULT_LOCALE)
    localStorage.setItem('adminfield.locale', 'en')
    expect(loadLocale()).toBe('en')
    localStorage.setItem('adminfield.locale', 'fr')
    expect(loadLocale()).toBe('zh-CN')
    expect(isAppLocale('en')).toBe(true)
    localStorage.removeItem('adminfield.locale')
  })
})

describe('loading a language', () => {
  it('loads the core messages, then namespaces as pages ask for them, as a plain tree, and switches Vant with the app', async () => {
    localStorage.removeItem('adminfield.locale')
    const { global: i18n } = createAppI18n()
    expect(i18n.te('common.save')).toBe(false) // The shell's messages only, until the core file is in.
    expect(i18n.t('app.name')).toBe(zhCN.app.name)
    await applySavedLocale(i18n)
    expect(i18n.t('common.save')).toBe(zhCN.common.save)
    expect(i18n.te('requests.applicant')).toBe(false) // A feature's namespace comes with a page that shows it.
    await ensureMessages(i18n, ['requests'])
    expect(i18n.t('requests.applicant')).toBe(zhCN.requests.applicant)
    expect(i18n.t('app.name')).toBe(zhCN.app.name)
    // Not wrapped in proxies (vue-i18n's messages ref is deep): a translation reads plain objects.
    expect(isReactive(i18n.messages.value['zh-CN'])).toBe(false)
    expect(isReactive(i18n.messages.value['zh-CN'].common)).toBe(false)
    // Keys resolve as dotted paths; a key that goes on into a message, or is missing, stays a key.
    expect(i18n.t('requests.more', { n: 3 })).toBe(zhCN.requests.more.replace('{n}', '3'))
    expect(i18n.t('common.save.more')).toBe('common.save.more')
    expect(i18n.te('common.nothing')).toBe(false)
    expect(i18n.te('common')).toBe(false)
    // A key of a namespace not loaded yet (a lazy widget before the rest came): shown as its key,
    // and its namespace loads at once.
    expect(i18n.t('dorms.bedLabel')).toBe('dorms.bedLabel')
    await vi.waitFor(() => expect(i18n.t('dorms.bedLabel')).toBe(zhCN.dorms.bedLabel))
    expect(i18n.te('kpis.titles.dashboard')).toBe(false)
    await loadAllMessages(i18n)
    expect(i18n.t('kpis.titles.dashboard')).toBe(zhCN.kpis.titles.dashboard)
    // A language switch brings the core file and the current page's namespaces, then the rest.
    await setAppLocale(i18n, 'en')
    expect(i18n.t('common.save')).toBe(en.common.save)
    expect(i18n.t('requests.applicant')).toBe(en.requests.applicant)
    expect(VantLocale.messages().confirm).toBe('Confirm')
    expect(document.documentElement.lang).toBe('en')
    await vi.waitFor(() => expect(i18n.t('kpis.titles.dashboard')).toBe(en.kpis.titles.dashboard))
    await setAppLocale(i18n, 'zh-CN')
    expect(i18n.t('common.save')).toBe(zhCN.common.save)
    expect(i18n.t('kpis.titles.dashboard')).toBe(zhCN.kpis.titles.dashboard)
    expect(VantLocale.messages().confirm).toBe('确认')
    expect(loadLocale()).toBe('zh-CN')
    localStorage.removeItem('adminfield.locale')
  })

  it('loads the rest of the messages without re-rendering what is on screen', async () => {
    localStorage.removeItem('adminfield.locale')
    const i18nApp = createAppI18n()
    const i18n = i18nApp.global
    await applySavedLocale(i18n)
    let renders = 0
    const Shown = defineComponent({
      setup: () => () => {
        renders++
        return h('p', i18n.t('common.save'))
      },
    })
    const wrapper = mount(Shown, { global: { plugins: [i18nApp] } })
    expect(wrapper.text()).toBe(zhCN.common.save)
    const before = renders
    await loadAllMessages(i18n)
    await nextTick()
    // What the next pages show is there, and nothing on screen rendered again for it.
    expect(i18n.t('kpis.titles.dashboard')).toBe(zhCN.kpis.titles.dashboard)
    expect(renders).toBe(before)
    // A page that asks for one of them still opens with it (and its texts render).
    await ensureMessages(i18n, ['kpis'])
    expect(i18n.t('kpis.titles.dashboard')).toBe(zhCN.kpis.titles.dashboard)
    wrapper.unmount()
  })

  it('opens a page in the language chosen last time, even when its namespaces were asked for first', async () => {
    localStorage.setItem('adminfield.locale', 'en')
    const { global: i18n } = createAppI18n()
    const saved = applySavedLocale(i18n)
    await ensureMessages(i18n, ['scanner'])
    await saved
    expect(i18n.locale.value).toBe('en')
    expect(i18n.t('scanner.pageTip')).toBe(en.scanner.pageTip)
    expect(i18n.te('assets.titles.registry', 'en')).toBe(false)
    await setAppLocale(i18n, 'zh-CN')
    localStorage.removeItem('adminfield.locale')
  })
})
