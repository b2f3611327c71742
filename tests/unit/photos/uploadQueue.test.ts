import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createPhotoUploadQueue, PhotoUploadError, type PhotoTransport, type UploadQueueOptions } from '@/platform/photos'
import { backoffDelay } from '@/platform/sync'
import { freshDb } from '../platform/helpers'
import { FakeTarget, fakeClock } from '../platform/fakes'
import { commitPhotos, fakePhoto } from './support'

/** In-memory Storage: `stored` counts real writes per path; `failWith` answers instead while set. */
class FakeStorage implements PhotoTransport {
  stored = new Map<string, number>()
  calls: string[] = []
  inFlight = 0
  maxInFlight = 0
  failWith: ((path: string) => Error | null) | null = null
  async upload(path: string): Promise<'uploaded' | 'exists'> {
    this.calls.push(path)
    this.inFlight++
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight)
    try {
      await new Promise((r) => setTimeout(r, 1))
      const err = this.failWith?.(path)
      if (err) throw err
      if (this.stored.has(path)) return 'exists'
      this.stored.set(path, 1)
      return 'uploaded'
    } finally {
      this.inFlight--
    }
  }
}

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

function setup(over: Partial<UploadQueueOptions> = {}) {
  const db = freshDb()
  const storage = new FakeStorage()
  const clock = fakeClock()
  const win = new FakeTarget()
  let online = true
  const queue = createPhotoUploadQueue({
    db,
    transport: storage,
    now: clock.now,
    random: () => 0,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
    window: win as unknown as Pick<Window, 'addEventListener' | 'removeEventListener'>,
    document: null,
    isOnline: () => online,
    watch: false,
    ...over,
  })
  cleanups.push(() => {
    queue.stop()
    db.close()
  })
  return { db, storage, clock, win, queue, setOnline: (v: boolean) => (online = v) }
}

describe('photo upload queue', () => {
  it('uploads every waiting photo once, oldest first, at most two at a time', async () => {
    const { db, storage, queue } = setup()
    // Saved out of order: the queue goes by taken_at.
    const photos = [2, 0, 4, 1, 3].map((s) => fakePhoto({ taken_at: `2025-06-01T08:00:0${s}.000Z` }))
    await commitPhotos(db, photos)
    await queue.uploadNow()
    const byTime = [...photos].sort((a, b) => a.taken_at.localeCompare(b.taken_at))
    expect(storage.calls).toEqual(byTime.map((p) => `seal_usages/${p.id}.jpg`))
    expect(storage.maxInFlight).toBe(2)
    const blobs = await db.photo_blobs.toArray()
    expect(blobs.every((b) => b.uploaded_at === '2025-06-01T00:00:00.000Z')).toBe(true)
    expect(queue.getState()).toMatchObject({ pending: 0, uploading: 0, lastError: null, nextRetryAt: null })
    await queue.uploadNow()
    expect(storage.calls).toHaveLength(5) // nothing uploaded twice
  })

  it('says its count is known only once it has counted the photos waiting, offline too', async () => {
    const { db, queue, setOnline } = setup({ watch: true })
    await commitPhotos(db, [fakePhoto({})])
    setOnline(false)
    expect(queue.getState()).toMatchObject({ counted: false, pending: 0 })
    queue.start()
    await vi.waitFor(() => expect(queue.getState()).toMatchObject({ counted: true, pending: 1 }))
  })

  it('"already exists" is success', async () => {
    const { db, storage, queue } = setup()
    const photo = fakePhoto()
    await commitPhotos(db, [photo])
    storage.stored.set(`seal_usages/${photo.id}.jpg`, 1)
    await queue.uploadNow()
    expect((await db.photo_blobs.get(photo.id))?.uploaded_at).not.toBeNull()
    expect(queue.getState().pending).toBe(0)
  })

  it('offline: tries nothing, keeps everything; the online event drains', async () => {
    const { db, storage, queue, win, setOnline } = setup()
    await commitPhotos(db, [fakePhoto(), fakePhoto()])
    setOnline(false)
    queue.start()
    await queue.uploadNow()
    expect(storage.calls).toHaveLength(0)
    expect(queue.getState().online).toBe(false)
    setOnline(true)
    win.dispatch('online')
    await vi.waitFor(() => expect(queue.getState().pending).toBe(0))
    expect(storage.stored.size).toBe(2)
  })

  it('a network failure stops the round, backs off, and the timer retries: none lost, none twice', async () => {
    const { db, storage, queue, clock } = setup()
    const photos = Array.from({ length: 6 }, () => fakePhoto())
    await commitPhotos(db, photos)
    let budget = 3 // the connection drops after three uploads
    storage.failWith = () => (budget-- > 0 ? null : new PhotoUploadError('fetch failed', 0, true))
    queue.start()
    await vi.waitFor(() => expect(queue.getState().nextRetryAt).not.toBeNull())
    expect(storage.stored.size).toBe(3)
    expect(queue.getState()).toMatchObject({ pending: 3, lastError: 'fetch failed' })
    const failed = (await db.photo_blobs.toArray()).filter((b) => b.uploaded_at === null && b.attempts > 0)
    expect(failed.length).toBeGreaterThan(0)
    expect(failed[0]?.next_attempt_at).toBe(clock.now() + backoffDelay(1, () => 0))

    storage.failWith = null
    clock.advance(backoffDelay(1, () => 0))
    await vi.waitFor(() => expect(queue.getState().pending).toBe(0))
    expect(storage.stored.size).toBe(6)
    expect([...storage.stored.values()].every((n) => n === 1)).toBe(true)
    expect(await db.photo_blobs.count()).toBe(6) // never deletes a blob
    expect(queue.getState().lastError).toBeNull()
  })

  it('backoff grows per photo while failures go on', async () => {
    const { db, storage, queue } = setup()
    const photo = fakePhoto()
    await commitPhotos(db, [photo])
    storage.failWith = () => new PhotoUploadError('503: unavailable', 503, true)
    await queue.uploadNow()
    await queue.uploadNow()
    const row = await db.photo_blobs.get(photo.id)
    expect(row).toMatchObject({ attempts: 2, uploaded_at: null, last_error: '503: unavailable' })
  })

  it('a refusal of one photo does not hold up the others, and that photo stays queued', async () => {
    const { db, storage, queue } = setup()
    const [a, b, c] = [fakePhoto(), fakePhoto(), fakePhoto()]
    await commitPhotos(db, [a!, b!, c!])
    storage.failWith = (path) => (path.includes(a!.id) ? new PhotoUploadError('403: new row violates policy', 403, false) : null)
    await queue.uploadNow()
    expect(storage.stored.size).toBe(2)
    expect(queue.getState()).toMatchObject({ pending: 1, lastError: '403: new row violates policy' })
    expect((await db.photo_blobs.get(a!.id))?.uploaded_at).toBeNull()
  })

  it('waits for the backoff unless asked to upload now', async () => {
    const { db, storage, queue } = setup()
    await commitPhotos(db, [fakePhoto()])
    storage.failWith = () => new PhotoUploadError('fetch failed', 0, true)
    queue.start()
    await vi.waitFor(() => expect(storage.calls).toHaveLength(1))
    storage.failWith = null
    await queue.uploadNow() // the user's "retry": ignores the backoff
    expect(queue.getState().pending).toBe(0)
  })

  it('a photo whose metadata is not on the device is left alone, not dropped', async () => {
    const { db, storage, queue } = setup()
    const photo = fakePhoto()
    await commitPhotos(db, [photo])
    await db.photos.delete(photo.id)
    await queue.uploadNow()
    expect(storage.calls).toHaveLength(0)
    expect(await db.photo_blobs.get(photo.id)).toBeTruthy()
    expect(queue.getState().pending).toBe(1)
  })

  it('with watch on, saving photos starts their upload', async () => {
    const { db, storage, queue } = setup({ watch: true })
    queue.start()
    await vi.waitFor(() => expect(queue.getState().uploading).toBe(0))
    await commitPhotos(db, [fakePhoto()])
    await vi.waitFor(() => expect(storage.stored.size).toBe(1))
    await vi.waitFor(() => expect(queue.getState().pending).toBe(0))
  })

  it('stop removes listeners and timers', async () => {
    const { queue, win, clock } = setup()
    queue.start()
    await queue.uploadNow()
    expect(win.count).toBe(2)
    queue.stop()
    expect(win.count).toBe(0)
    expect(clock.timerCount).toBe(0)
  })
})
