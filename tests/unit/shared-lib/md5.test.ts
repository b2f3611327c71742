// MD5 on the device, to make the same ids as Postgres's md5() (a done 报修 task's repair_end events).
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { md5 } from '@/shared/lib/md5'

describe('md5', () => {
  it('gives the RFC 1321 test vectors', () => {
    expect(md5('')).toBe('d41d8cd98f00b204e9800998ecf8427e')
    expect(md5('a')).toBe('0cc175b9c0f1b6a831c399e269772661')
    expect(md5('abc')).toBe('900150983cd24fb0d6963f7d28e17f72')
    expect(md5('message digest')).toBe('f96b697d7cb7938d525a2f31aaf161d0')
    expect(md5('12345678901234567890123456789012345678901234567890123456789012345678901234567890')).toBe('57edf4a22be3c955ac49da2e2107b67a')
  })

  it('hashes UTF-8 bytes like Postgres and Node, across block boundaries', () => {
    for (const text of ['宿舍 101 报修：空调不制冷', 'dorm_repair_end:d2000000-0000-4000-8000-000000000001', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), '表'.repeat(300)]) {
      expect(md5(text), text.slice(0, 20)).toBe(createHash('md5').update(text, 'utf8').digest('hex'))
    }
  })
})
