import { describe, expect, it } from '@jest/globals'
import { escapeMarkdown } from '../../src/report/escape.js'

describe('escapeMarkdown', () => {
  it.each<[string, string]>([
    ['rent', 'rent'],
    ['a|b', 'a&#124;b'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert\\(1\\)&lt;/script&gt;'],
    ['<!-- ml-gate:ml-gate.yml -->', '&lt;\\!\\-\\- ml\\-gate\\:ml\\-gate.yml \\-\\-&gt;'],
    ['@octocat', '&#64;octocat'],
    ['*bold* _it_ `code`', '\\*bold\\* \\_it\\_ \\`code\\`'],
    ['[link](http://x)', '\\[link\\]\\(http\\://x\\)'],
    ['# heading', '\\# heading'],
    ['line\nbreak', 'line break'],
    ['&amp;', '&amp;amp;'],
    ['Age=[18,30)', 'Age\\=\\[18,30\\)']
  ])('%j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output)
  })
})
