// Text fields refuse the characters the server refuses (private.text_is_clean, issue 8 point 7).
import { describe, expect, it } from 'vitest'
import { fieldBuilders, isCleanText } from '@/shared/lib/zodFields'
import zh from '@/shared/i18n/messages/zh-CN.json'
import en from '@/shared/i18n/messages/en.json'

const keys = { required: 'r', tooLong: 't', uuid: 'u', date: 'd', dateTime: 'dt', choice: 'c', integer: 'i', range: 'g', photos: 'p' }
const { text, optionalText } = fieldBuilders(keys)
const message = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message

describe('isCleanText', () => {
  it.each(['\u202E', '\u2066', '\u200F', '\u061C', '\u0007', '\u0000', '\u007F', '\u0085'])('refuses %j', (c) => {
    expect(isCleanText(`财务${c}部`)).toBe(false)
  })
  it('keeps tabs, line breaks, emoji sequences and CJK punctuation', () => {
    expect(isCleanText('第一行\r\n第二行\t（备注）👩‍💼')).toBe(true)
  })
})

describe('text fields', () => {
  it('refuse a right-to-left override with the shared message, or the domain\'s own key', () => {
    expect(message(text(60).safeParse('abc\u202Egpj.exe'))).toBe('validation.controlChars')
    expect(message(optionalText(60).safeParse('x\u2067'))).toBe('validation.controlChars')
    const own = fieldBuilders({ ...keys, controlChars: 'assets.errors.x' })
    expect(message(own.text(60).safeParse('x\u202E'))).toBe('assets.errors.x')
    expect(text(60).parse(' 合同专用章 ')).toBe('合同专用章')
    expect(optionalText(60).parse('')).toBeNull()
  })

  it('the shared message exists in both languages', () => {
    expect(zh.validation.controlChars).toMatch(/控制/)
    expect(en.validation.controlChars).toMatch(/control/i)
  })
})
