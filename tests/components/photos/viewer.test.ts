import '../support/vantCss'
import { describe, expect, it, vi } from 'vitest'
import { showImagePreview, showToast, type ImagePreviewOptions } from 'vant'
import type { PhotoSource } from '@/platform/photos'
import { openPhotoViewer, type SourceLoader } from '@/shared/ui/photos/viewer'

vi.mock('vant', async (importOriginal) => ({
  ...(await importOriginal<typeof import('vant')>()),
  showImagePreview: vi.fn(),
  showToast: vi.fn(),
}))

const texts = { title: 'Photos', missing: 'missing', someMissing: 'some missing' }

describe('openPhotoViewer', () => {
  it('shows the reachable photos full size, starts at the tapped one, revokes on close', async () => {
    const sources: Record<string, PhotoSource> = {
      a: { kind: 'blob', blob: new Blob(['a']) },
      b: { kind: 'missing' },
      c: { kind: 'url', url: 'https://s/c.jpg' },
    }
    const load = vi.fn<SourceLoader>(async (id) => sources[id]!)
    const revoke = vi.spyOn(URL, 'revokeObjectURL')
    await openPhotoViewer(['a', 'b', 'c'], 2, texts, load)
    expect(load.mock.calls.every(([, variant]) => variant === 'full')).toBe(true)
    const opts = vi.mocked(showImagePreview).mock.calls.at(-1)![0] as ImagePreviewOptions
    expect(opts.images).toHaveLength(2)
    expect(opts.images?.[0]).toMatch(/^blob:/)
    expect(opts.images?.[1]).toBe('https://s/c.jpg')
    expect(opts.startPosition).toBe(1)
    // The viewer is a dialog: it is named (the attribute falls through to its popup).
    expect((opts as Record<string, unknown>)['aria-label']).toBe('Photos')
    expect(showToast).toHaveBeenCalledWith('some missing')
    opts.onClose?.()
    expect(revoke).toHaveBeenCalledWith(opts.images?.[0])
    revoke.mockRestore()
  })

  it('nothing reachable: a toast, no viewer', async () => {
    vi.mocked(showImagePreview).mockClear()
    await openPhotoViewer(['x'], 0, texts, async () => ({ kind: 'missing' }))
    expect(showImagePreview).not.toHaveBeenCalled()
    expect(showToast).toHaveBeenCalledWith('missing')
  })
})
