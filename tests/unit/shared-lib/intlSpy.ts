/**
 * Counts Intl.DateTimeFormat constructions (with or without `new`) and formatToParts/format calls, to
 * prove a fast path builds no Intl object (issue 13). A Proxy, not vi.spyOn: a spied builtin constructor
 * does not return a working formatter. `restore()` puts the real constructor back.
 */
import { vi } from 'vitest'

export function spyIntlDateTimeFormat() {
  const proto = Intl.DateTimeFormat.prototype
  const parts = vi.spyOn(proto, 'formatToParts')
  // `format` is an accessor returning a bound function, which TypeScript types as a method.
  const format = vi.spyOn(proto as unknown as Record<'format', unknown>, 'format', 'get')
  const construct = vi.fn()
  const original = Intl.DateTimeFormat
  Intl.DateTimeFormat = new Proxy(original, {
    construct: (target, args, newTarget) => (construct(...args), Reflect.construct(target, args, newTarget)),
    apply: (target, self, args) => (construct(...args), Reflect.apply(target, self, args)),
  })
  const restore = () => {
    Intl.DateTimeFormat = original
    parts.mockRestore()
    format.mockRestore()
  }
  return { construct, parts, format, restore }
}
