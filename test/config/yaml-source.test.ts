import { describe, expect, it } from '@jest/globals'
import { formatPath, parseYaml, readYamlFile } from '../../src/config/yaml-source.js'
import { UserInputError } from '../../src/errors.js'

const FILE = 'contract.yml'

function syntaxError(...lines: string[]): string {
  try {
    parseYaml(lines.join('\n') + '\n', FILE)
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError)
    return (error as UserInputError).format()
  }
  throw new Error('expected the YAML to be rejected')
}

describe('parseYaml', () => {
  it('returns plain values with the YAML 1.2 core schema', () => {
    const source = parseYaml('a: 2027-01-31\nb: yes\nc: [1, 0x10, ~]\nd: { e: "x" }\n', FILE)
    expect(source.value).toStrictEqual({ a: '2027-01-31', b: 'yes', c: [1, 16, null], d: { e: 'x' } })
    expect(source.file).toBe(FILE)
  })

  it('reads an empty document as null', () => {
    expect(parseYaml('', FILE).value).toBeNull()
    expect(parseYaml('# only a comment\n\n', FILE).value).toBeNull()
    expect(parseYaml('---\n', FILE).value).toBeNull()
  })

  it.each([
    [
      ['a: 1', 'b: 2', 'a: 3'],
      "contract.yml:3:1: duplicate key 'a': each key may appear only once in a mapping"
    ],
    [
      ['a: { x: 1, "x": 2 }'],
      "contract.yml:1:12: duplicate key 'x': each key may appear only once in a mapping"
    ],
    [['a:', '\tb: 1'], 'contract.yml:2:1: tabs are not allowed for indentation in YAML: indent with spaces'],
    [
      ['a:', '  b: 1', '\tc: 2'],
      'contract.yml:3:1: tabs are not allowed for indentation in YAML: indent with spaces'
    ],
    [
      ['a: b: c'],
      "contract.yml:1:4: unexpected 'key: value' inside a value: check the indentation, or quote a value that contains ': '"
    ],
    [
      ['columns:', '  age', '  income: 1'],
      "contract.yml:2:3: a line without ':' runs into the next key (a key must fit on one line): add the missing ':' or fix the indentation"
    ],
    [
      ['a:', '    b: 1', '  c: 2'],
      'contract.yml:3:1: invalid YAML: all mapping items must start at the same column'
    ],
    [['a: "abc', 'b: 3'], 'contract.yml:3:1: invalid YAML: missing closing "quote'],
    [
      ['a: 1', 'just a line'],
      'contract.yml:2:1: invalid YAML: implicit map keys need to be followed by map values'
    ],
    [
      ['a: 1', '---', 'b: 2'],
      "contract.yml:2:1: expected one YAML document, found 2: remove the '---' separator"
    ],
    [['a: &x 1', 'b: *y'], "contract.yml:2:4: unknown alias '*y': define the anchor '&y' before using it"]
  ])('rejects %j', (lines, expected) => {
    expect(syntaxError(...lines)).toBe(expected)
  })

  it('refuses to expand an alias bomb', () => {
    // Each level doubles the size: 2^20 leaves from a few lines.
    const lines = ['l0: &l0 [x, x]']
    for (let i = 1; i <= 20; i++) lines.push(`l${i}: &l${i} [*l${i - 1}, *l${i - 1}]`)
    expect(syntaxError(...lines)).toBe(
      'contract.yml:1:1: cannot expand the YAML aliases: excessive alias count indicates a resource exhaustion attack'
    )
  })
})

describe('locate', () => {
  const text = [
    '# a comment', // 1
    'version: 1', // 2
    'columns:', // 3
    '  - name: age', // 4
    '    checks: { min: 0, max: 120 }', // 5
    '  - name: "2020"', // 6
    '    values: [a, b]', // 7
    'defaults: &defaults', // 8
    '  nullable: false', // 9
    'other: *defaults', // 10
    'empty:', // 11
    'bins:', // 12
    '  2020: [1, 2]' // 13
  ].join('\n')
  const source = parseYaml(text, FILE)
  const at = (line: number, column: number) => ({ file: FILE, line, column })

  it('points at values by default and at keys on request', () => {
    expect(source.locate(['version'])).toStrictEqual(at(2, 10))
    expect(source.locate(['version'], 'key')).toStrictEqual(at(2, 1))
    expect(source.locate(['columns', 0, 'checks', 'max'])).toStrictEqual(at(5, 28))
    expect(source.locate(['columns', 0, 'checks', 'max'], 'key')).toStrictEqual(at(5, 23))
    expect(source.locate(['columns', 1, 'values', 1])).toStrictEqual(at(7, 17))
  })

  it('points at a list item for its "key", since items have none', () => {
    expect(source.locate(['columns', 1], 'key')).toStrictEqual(at(6, 5))
    expect(source.locate(['columns', 1, 'values', 0], 'key')).toStrictEqual(at(7, 14))
  })

  it('matches keys written as numbers or quoted', () => {
    expect(source.locate(['columns', 1, 'name'])).toStrictEqual(at(6, 11))
    expect(source.locate(['bins', '2020', 1])).toStrictEqual(at(13, 13))
  })

  it('follows aliases into their anchor', () => {
    expect(source.locate(['other', 'nullable'])).toStrictEqual(at(9, 13))
    expect(source.locate(['other'])).toStrictEqual(at(10, 8))
  })

  it('points at the key of an empty value', () => {
    expect(source.locate(['empty'])).toStrictEqual(at(11, 1))
  })

  it('falls back to the deepest node that exists', () => {
    expect(source.locate(['columns', 0, 'unique'])).toStrictEqual(at(4, 5))
    expect(source.locate(['columns', 5, 'name'])).toStrictEqual(at(4, 3))
    expect(source.locate(['version', 'deeper'])).toStrictEqual(at(2, 10))
    expect(source.locate(['nothing'], 'key')).toStrictEqual(at(2, 1))
  })

  it('points at the start of the document for the empty path', () => {
    expect(source.locate([])).toStrictEqual(at(2, 1))
    expect(parseYaml('', FILE).locate(['a'])).toStrictEqual(at(1, 1))
  })
})

describe('formatPath', () => {
  it('writes paths as a user reads them', () => {
    expect(formatPath([])).toBe('')
    expect(formatPath(['gates', 2, 'metric'])).toBe('gates[2].metric')
    expect(formatPath(['segments', 'bins', 'Age group', 0])).toBe("segments.bins['Age group'][0]")
    expect(formatPath(['bins', "it's", '2020'])).toBe("bins['it\\'s']['2020']")
  })
})

describe('readYamlFile', () => {
  it('reads and parses a file', async () => {
    const source = await readYamlFile('test/fixtures/config/typo.yml')
    expect(source.value).toStrictEqual({
      version: 1,
      model: { task: 'binary', predictions: 'preds.csv', label: 'label' },
      segments: { columns: ['Home', 'Job'], min_suport: 30 }
    })
  })

  it('names a missing file', async () => {
    await expect(readYamlFile('test/fixtures/config/missing.yml')).rejects.toThrow(
      new UserInputError('file not found', { file: 'test/fixtures/config/missing.yml' })
    )
  })
})
