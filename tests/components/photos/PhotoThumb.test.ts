import '../support/vantCss'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import type { PhotoSource, UploadQueueState } from '@/platform/photos'
import PhotoThumb from '@/shared/ui/photos/PhotoThumb.vue'
import PhotoUploadStatus from '@/shared/ui/photos/PhotoUploadStatus.vue'
import type { SourceLoader } from '@/shared/ui/photos/viewer'
import { appPlugins } from '../support/mountApp'

const wrappers: VueWrapper[] = []
afterEach(() => wrappers.splice(0).forEach((w) => w.unmount()))

function mountThumb(load: SourceLoader, photoId = 'p1') {
  const w = mount(PhotoThumb, { props: { photoId, load }, global: { plugins: appPlugins().plugins } })
  wrappers.push(w)
  return w
}

describe('PhotoThumb', () => {
  it('shows the device copy as an object URL, asks for the thumb, and revokes it on unmount', async () => {
    const load = vi.fn<SourceLoader>(async () => ({ kind: 'blob', blob: new Blob(['t'], { type: 'image/jpeg' }) }))
    const revoke = vi.spyOn(URL, 'revokeObjectURL')
    const w = mountThumb(load)
    await flushPromises()
    expect(load).toHaveBeenCalledWith('p1', 'thumb')
    const src = w.find('img').attributes('src')
    expect(src).toMatch(/^blob:/)
    w.unmount()
    wrappers.pop()
    expect(revoke).toHaveBeenCalledWith(src)
    revoke.mockRestore()
  })

  it('shows a signed URL when the photo is only in Storage', async () => {
    const w = mountThumb(async (): Promise<PhotoSource> => ({ kind: 'url', url: 'https://s.example/p1.jpg?token=t' }))
    await flushPromises()
    expect(w.find('img').attributes('src')).toBe('https://s.example/p1.jpg?token=t')
  })

  it('says "not on this device" when there is nothing to show (or loading failed)', async () => {
    const w = mountThumb(async (): Promise<PhotoSource> => ({ kind: 'missing' }))
    await flushPromises()
    expect(w.find('img').exists()).toBe(false)
    expect(w.attributes('data-state')).toBe('missing')
    expect(w.text()).toContain('照片不在本机')
    const broken = mountThumb(async () => Promise.reject(new Error('idb closed')))
    await flushPromises()
    expect(broken.attributes('data-state')).toBe('missing')
  })

  it('emits open with its id', async () => {
    const w = mountThumb(async (): Promise<PhotoSource> => ({ kind: 'missing' }), 'p9')
    await w.trigger('click')
    expect(w.emitted('open')?.[0]).toEqual(['p9'])
  })
})

describe('PhotoUploadStatus', () => {
  const base: UploadQueueState = { pending: 0, counted: true, uploading: 0, online: true, lastError: null, nextRetryAt: null }
  it.each([
    [{ counted: false }, 'checking', '正在检查待上传的照片'],
    [{}, 'done', '照片已全部上传'],
    [{ pending: 3 }, 'pending', '3 张照片待上传'],
    [{ pending: 3, uploading: 2 }, 'uploading', '正在上传照片'],
    [{ pending: 3, online: false }, 'offline', '离线'],
    [{ pending: 1, lastError: 'fetch failed' }, 'error', '稍后自动重试'],
  ] as const)('%o → %s', (patch, kind, text) => {
    const w = mount(PhotoUploadStatus, { props: { state: { ...base, ...patch } }, global: { plugins: appPlugins().plugins } })
    wrappers.push(w)
    expect(w.attributes('data-kind')).toBe(kind)
    expect(w.text()).toContain(text)
  })
})
