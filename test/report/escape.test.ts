import { describe, expect, it } from '@jest/globals'
import { escapeMarkdown, plainText } from '../../src/text/escape.js'

describe('escapeMarkdown', () => {
  it.each<[string, string]>([
    ['rent', 'rent'],
    ['a|b', 'a&#124;b'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert\\(1\\)&lt;/script&gt;'],
    ['<!-- ml-gate:ml-gate.yml -->', '&lt;\\!\\-\\- ml\\-gate\\:ml\\-gate.yml \\-\\-&gt;'],
    ['@octocat', '@\u200doctocat'],
    ['#12 and o/r#3', '\\#\u200d12 and o/r\\#\u200d3'],
    ['GH-12', 'GH\u200d\\-12'],
    ['www.x.com', 'www\u200d.x.com'],
    ['https://x.com', 'https\\:\u200d//x.com'],
    ['a\u202eb\u2066c\u0000d\u009be', 'a\ufffdb\ufffdc\ufffdd\ufffde'],
    ['tab\tand\r\nline\u2028sep', 'tab and line sep'],
    ['*bold* _it_ `code`', '\\*bold\\* \\_it\\_ \\`code\\`'],
    ['[link](http://x)', '\\[link\\]\\(http\\:\u200d//x\\)'],
    ['# heading', '\\#\u200d heading'],
    ['line\nbreak', 'line break'],
    ['&amp;', '&amp;amp;'],
    ['Age=[18,30)', 'Age\\=\\[18,30\\)']
  ])('%j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output)
  })
})

describe('plainText', () => {
  it.each<[string, string]>([
    ['a\u202eb\nc', 'a\ufffdb c'],
    ['\u001b[31mred', '\ufffd[31mred'],
    ['bom\ufeff', 'bom\ufffd'],
    ['ok — é ✓', 'ok — é ✓']
  ])('%j', (input, output) => {
    expect(plainText(input)).toBe(output)
  })
})
