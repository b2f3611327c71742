import { describe, expect, it } from 'vitest'
import zhCN from '@/shared/i18n/messages/zh-CN'
import en from '@/shared/i18n/messages/en'
import { GLOSSARY } from '@/shared/i18n/glossary'
import { ESCALATION_LEVELS, INBOX_KINDS, REMINDER_CHANNELS, REMINDER_LEVELS, TASK_ACTS, TASK_ERROR_KEYS, TASK_SOURCES, TASK_STATUSES } from '@/features/tasks/domain'

type Tree = { [key: string]: string | Tree }
const lookup = (tree: Tree, path: string) =>
  path.split('.').reduce<string | Tree | undefined>((node, k) => (node && typeof node === 'object' ? node[k] : undefined), tree)

describe('tasks messages', () => {
  it('translate every key the domain can hand the UI, in both languages', () => {
    const keys = [
      ...TASK_ERROR_KEYS,
      ...INBOX_KINDS.map((k) => `tasks.inbox.kinds.${k}`),
      ...TASK_STATUSES.map((s) => `tasks.status.${s}`),
      ...TASK_SOURCES.map((s) => `tasks.source.${s}`),
      ...TASK_ACTS.map((a) => `tasks.acts.${a}`),
      ...ESCALATION_LEVELS.map((l) => `tasks.level.${l}`),
      ...REMINDER_LEVELS.map((l) => `tasks.followUp.levels.${l}`),
      ...REMINDER_CHANNELS.map((c) => `tasks.followUp.channel.${c}`),
      'tasks.acts.follow_up',
      'tasks.acts.remind',
    ]
    for (const k of keys) {
      expect(lookup(zhCN as unknown as Tree, k), k).toBeTypeOf('string')
      expect(lookup(en as unknown as Tree, k), k).toBeTypeOf('string')
    }
  })

  it('the glossary has the manual\'s terms of chapter 1 and the calendar', () => {
    for (const term of ['事务处理', '督办', '督办单', '催办', '交接', '监督检查', '调休', '法定节假日']) {
      expect(GLOSSARY.some((e) => e.zh === term), term).toBe(true)
    }
  })
})
