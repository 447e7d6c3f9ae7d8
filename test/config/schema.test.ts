import { describe, expect, it } from '@jest/globals'
import schema from '../../schemas/config.schema.json' with { type: 'json' }
import { compileSchema, isCalendarDate } from '../../src/config/schema-validator.js'
import { parseYaml } from '../../src/config/yaml-source.js'
import { UserInputError } from '../../src/errors.js'

type SchemaNode = Record<string, unknown>

/** Every object schema reachable from `node`, with its JSON pointer. */
function objectSchemas(node: unknown, pointer = '#'): [string, SchemaNode][] {
  if (typeof node !== 'object' || node === null) return []
  const found: [string, SchemaNode][] = []
  const record = node as SchemaNode
  if (record.type === 'object') found.push([pointer, record])
  for (const [key, child] of Object.entries(record)) {
    if (key === 'default' || key === 'examples' || key === 'enum' || key === 'const') continue
    found.push(...objectSchemas(child, `${pointer}/${key}`))
  }
  return found
}

/** Resolve a local `$ref` so a property's documentation can be read through it. */
function resolve(property: SchemaNode): SchemaNode {
  const ref = property.$ref
  if (typeof ref !== 'string' || property.title !== undefined) return property
  const name = ref.replace('#/$defs/', '')
  return (schema.$defs as Record<string, SchemaNode>)[name]
}

describe('schemas/config.schema.json', () => {
  it('compiles in ajv strict mode', () => {
    expect(() => compileSchema(schema)).not.toThrow()
  })

  it('is compiled in strict mode: a misspelt keyword is an error', () => {
    expect(() => compileSchema({ type: 'object', additionalProperty: false })).toThrow(
      'strict mode: unknown keyword: "additionalProperty"'
    )
  })

  it('identifies and describes itself', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(schema.$id).toMatch(/^https:\/\/.+\/schemas\/config\.schema\.json$/)
    expect(schema.title).toBe('ml-gate configuration (ml-gate.yml)')
    expect(schema.description.length).toBeGreaterThan(50)
  })

  it('documents every property with a title and a description', () => {
    const undocumented: string[] = []
    for (const [pointer, object] of objectSchemas(schema)) {
      for (const [name, property] of Object.entries(
        (object.properties ?? {}) as Record<string, SchemaNode>
      )) {
        const documented = resolve(property)
        if (typeof documented.title !== 'string' || typeof documented.description !== 'string') {
          undocumented.push(`${pointer}/properties/${name}`)
        }
      }
    }
    expect(undocumented).toStrictEqual([])
  })

  it('closes every mapping with known keys (additionalProperties: false)', () => {
    const open = objectSchemas(schema)
      .filter(([, object]) => object.properties !== undefined && object.additionalProperties !== false)
      .map(([pointer]) => pointer)
    expect(open).toStrictEqual([])
    // bins is the one free-form mapping (column -> edges), and its values are constrained.
    expect(schema.$defs.segments.properties.bins.additionalProperties).toStrictEqual({
      type: 'array',
      minItems: 2,
      items: { type: 'number' }
    })
  })
})

describe('compileSchema, for any YAML document', () => {
  // A schema shaped like a data contract, to show the machinery is not tied to ml-gate.yml.
  interface Contract {
    columns: { name: string; nullable: boolean }[]
  }
  const validate = compileSchema<Contract>({
    type: 'object',
    additionalProperties: false,
    required: ['columns'],
    properties: {
      columns: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name'],
          properties: {
            name: {
              type: 'string',
              pattern: '^\\S+$',
              errorMessage: 'expected a column name without spaces'
            },
            nullable: { type: 'boolean', default: true },
            unique: {
              type: 'boolean',
              errorMessage: 'unique is a yes/no switch: write `unique: true`'
            }
          }
        }
      }
    }
  })

  it('returns the value with defaults applied, leaving the source as written', () => {
    const source = parseYaml('columns:\n  - name: age\n  - name: id\n    nullable: false\n', 'c.yml')
    expect(validate(source)).toStrictEqual({
      columns: [
        { name: 'age', nullable: true },
        { name: 'id', nullable: false }
      ]
    })
    expect(source.value).toStrictEqual({ columns: [{ name: 'age' }, { name: 'id', nullable: false }] })
  })

  it('explains errors with the schema’s own messages', () => {
    const error = (text: string) => {
      try {
        validate(parseYaml(text, 'c.yml'))
      } catch (e) {
        expect(e).toBeInstanceOf(UserInputError)
        return (e as UserInputError).format()
      }
      throw new Error('expected an error')
    }
    // An "expected ..." message gets what was found appended; another is used as is.
    expect(error('columns:\n  - name: first name\n')).toBe(
      "c.yml:2:11: columns[0].name: expected a column name without spaces, got 'first name'"
    )
    expect(error('columns:\n  - name: a\n    unique: yes\n')).toBe(
      'c.yml:3:13: columns[0].unique: unique is a yes/no switch: write `unique: true`'
    )
    expect(error('columns:\n  - nam: a\n')).toBe(
      "c.yml:2:5: columns[0]: unknown key 'nam' (did you mean 'name'?); allowed keys: name, nullable, unique"
    )
  })
})

describe('isCalendarDate', () => {
  it.each([
    ['2027-01-31', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2027-13-01', false],
    ['2027-00-10', false],
    ['2027-1-31', false],
    ['2027-01-31T00:00:00Z', false],
    ['', false]
  ])('%s -> %s', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected)
  })
})
