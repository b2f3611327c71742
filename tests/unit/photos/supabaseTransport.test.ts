import { describe, expect, it, vi } from 'vitest'
import { createLocalPhotoTransport, createSupabasePhotoTransport, PhotoUploadError, signedPhotoUrl } from '@/platform/photos'
import type { StorageBucket, StorageFailure } from '@/platform/photos/supabaseTransport'

function bucket(answer: () => Promise<{ error: StorageFailure | null }>) {
  const upload = vi.fn<StorageBucket['upload']>(answer)
  const b: StorageBucket = { upload, createSignedUrl: async () => ({ data: { signedUrl: 'https://s/x' }, error: null }) }
  return { upload, get: async () => b }
}

describe('Supabase photo transport', () => {
  it('uploads without upsert, with the content type, at the given path', async () => {
    const b = bucket(async () => ({ error: null }))
    const blob = new Blob(['x'])
    expect(await createSupabasePhotoTransport(b.get).upload('seal_usages/p1.jpg', blob, 'image/jpeg')).toBe('uploaded')
    expect(b.upload).toHaveBeenCalledWith('seal_usages/p1.jpg', blob, { upsert: false, contentType: 'image/jpeg' })
  })

  it.each([
    { message: 'The resource already exists', status: 400, statusCode: '409' },
    { message: 'Duplicate', status: 409 },
    { message: 'exists', status: 400, statusCode: '400', code: 'ResourceAlreadyExists' },
  ])('"already exists" is success: %o', async (error) => {
    expect(await createSupabasePhotoTransport(bucket(async () => ({ error })).get).upload('a', new Blob(), 'image/jpeg')).toBe('exists')
  })

  it('no answer and 5xx are transient; 403 is a refusal (retried, but shown)', async () => {
    const fail = (e: StorageFailure) => createSupabasePhotoTransport(bucket(async () => ({ error: e })).get).upload('a', new Blob(), 'image/jpeg')
    await expect(fail({ message: 'Gateway', status: 502 })).rejects.toMatchObject({ transient: true, status: 502 })
    await expect(fail({ message: 'fetch failed' })).rejects.toMatchObject({ transient: true, status: 0 })
    await expect(fail({ message: 'new row violates row-level security policy', status: 403, statusCode: '403' })).rejects.toMatchObject({
      transient: false,
      status: 403,
    })
    const thrown = createSupabasePhotoTransport(async () => Promise.reject(new Error('chunk failed'))).upload('a', new Blob(), 'x')
    await expect(thrown).rejects.toBeInstanceOf(PhotoUploadError)
  })

  it('signed URL, or null when Storage cannot give one', async () => {
    expect(await signedPhotoUrl('a', 60, bucket(async () => ({ error: null })).get)).toBe('https://s/x')
    expect(await signedPhotoUrl('a', 60, async () => Promise.reject(new Error('offline')))).toBeNull()
  })
})

describe('local photo transport', () => {
  it('"uploads" online, throws a transient error offline, answers exists the second time', async () => {
    let online = false
    const t = createLocalPhotoTransport({ isOnline: () => online, latencyMs: 0 })
    await expect(t.upload('a', new Blob(), 'image/jpeg')).rejects.toMatchObject({ transient: true })
    online = true
    expect(await t.upload('a', new Blob(), 'image/jpeg')).toBe('uploaded')
    expect(await t.upload('a', new Blob(), 'image/jpeg')).toBe('exists')
  })
})
