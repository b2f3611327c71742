import { describe, expect, it } from 'vitest'
import { CSV_BOM, csvBlob, csvField, recordsToCsv, toCsv } from '@/shared/lib/csv'

describe('csvField', () => {
  it('leaves plain text alone', () => {
    expect(csvField('abc')).toBe('abc')
    expect(csvField('合同专用章')).toBe('合同专用章')
    expect(csvField('')).toBe('')
  })

  it('quotes fields with comma, quote, CR or LF and doubles inner quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('line1\nline2')).toBe('"line1\nline2"')
    expect(csvField('line1\r\nline2')).toBe('"line1\r\nline2"')
    expect(csvField('"')).toBe('""""')
    expect(csvField('《采购合同》，共3份')).toBe('《采购合同》，共3份') // full-width comma is not a separator
  })

  it('writes numbers, booleans and empty values', () => {
    expect(csvField(3)).toBe('3')
    expect(csvField(-2.5)).toBe('-2.5')
    expect(csvField(Number.NaN)).toBe('')
    expect(csvField(true)).toBe('TRUE')
    expect(csvField(null)).toBe('')
    expect(csvField(undefined)).toBe('')
  })

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=1+1')).toBe("'=1+1")
    expect(csvField('+86 138')).toBe("'+86 138")
    expect(csvField('-2+3+cmd|\' /C calc\'!A0')).toBe("'-2+3+cmd|' /C calc'!A0")
    expect(csvField('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)")
    expect(csvField('\t=evil')).toBe("'\t=evil")
    expect(csvField('\r=evil')).toBe('"\'\r=evil"') // prefixed, then quoted for the CR
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"')
  })

  it('does not mangle plain numbers or text where the sign is not first', () => {
    expect(csvField('-12')).toBe('-12')
    expect(csvField('+3.5')).toBe('+3.5')
    expect(csvField('a=b')).toBe('a=b')
    expect(csvField(' =x')).toBe(' =x')
  })
})

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    const csv = toCsv([
      ['文件名称', '份数'],
      ['采购合同, 第二版', 2],
    ])
    expect(csv).toBe(`${CSV_BOM}文件名称,份数\r\n"采购合同, 第二版",2\r\n`)
    expect(csv.charCodeAt(0)).toBe(0xfeff)
  })

  it('can leave the BOM out', () => {
    expect(toCsv([['a', 'b']], { bom: false })).toBe('a,b\r\n')
  })

  it('keeps empty trailing fields so columns line up', () => {
    expect(toCsv([['a', null, '']], { bom: false })).toBe('a,,\r\n')
  })

  it('round-trips through a strict RFC 4180 reader', () => {
    const rows = [
      ['标题', 'note'],
      ['印章 "公章"', 'a,b\r\nc'],
      ['=cmd', '普通'],
    ]
    const parsed = parseCsv(toCsv(rows, { bom: false }))
    expect(parsed).toEqual([
      ['标题', 'note'],
      ['印章 "公章"', 'a,b\r\nc'],
      ["'=cmd", '普通'],
    ])
  })
})

describe('recordsToCsv', () => {
  it('writes a header row and one row per record', () => {
    const csv = recordsToCsv(
      [{ n: 'x', c: 1 }, { n: 'y', c: 2 }],
      [
        { header: '名称', value: (r) => r.n },
        { header: '数量', value: (r) => r.c },
      ],
      { bom: false },
    )
    expect(csv).toBe('名称,数量\r\nx,1\r\ny,2\r\n')
  })
})

describe('csvBlob', () => {
  it('is text/csv UTF-8 with the BOM bytes first', async () => {
    const blob = csvBlob(toCsv([['印章']]))
    expect(blob.type).toBe('text/csv;charset=utf-8')
    const buf = new Uint8Array(await blob.arrayBuffer())
    expect([...buf.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(buf.slice(3))).toBe('印章\r\n')
  })
})

/** Minimal RFC 4180 parser for the round-trip test (quotes, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += ch
  }
  return rows
}
