/**
 * GitHub's REST API description (`@octokit/openapi`, api.github.com, OpenAPI 3.0.3) as a test
 * oracle: which operation a request is, whether its path parameters, query parameters and JSON
 * body are allowed, and whether a response body has the documented shape.
 *
 * The description is read once per test process, on first use (about 13 MB; parsing it and
 * building the index takes about 0.3 s and 60 MB of heap on this machine). We use the file with
 * `$ref`s, not the `.deref.json` one (73 MB): ajv follows the references itself.
 *
 * OpenAPI 3.0 is not JSON Schema: `nullable: true` is rewritten to a `null` type (or an `anyOf`
 * with `{type: 'null'}` when the schema has no `type`), and `$ref`s are pointed at the components
 * registered under the id `github`. Keywords ajv does not know (`example`, `discriminator`,
 * `x-github`…) are ignored (`strict: false`); formats are checked only for `date-time` and `uri`,
 * the two a fake is likely to get wrong, and ignored otherwise.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Ajv, type ValidateFunction } from 'ajv'

type JsonSchema = Record<string, unknown>

interface Reference {
  readonly $ref: string
}

interface ParameterObject {
  readonly name: string
  readonly in: 'path' | 'query' | 'header' | 'cookie'
  readonly required?: boolean
  readonly schema?: JsonSchema
}

interface ResponseObject {
  readonly content?: Record<string, { readonly schema?: JsonSchema }>
}

interface OperationObject {
  readonly operationId: string
  readonly externalDocs?: { readonly url: string }
  readonly parameters?: readonly (ParameterObject | Reference)[]
  readonly requestBody?: { readonly content?: Record<string, { readonly schema?: JsonSchema }> }
  readonly responses: Record<string, ResponseObject | Reference>
}

interface Description {
  readonly paths: Record<string, Record<string, OperationObject | unknown>>
  readonly components: {
    readonly schemas: Record<string, JsonSchema>
    readonly parameters: Record<string, ParameterObject>
    readonly responses: Record<string, ResponseObject>
  }
}

/** One operation of the description, with its parameters resolved. */
export interface Operation {
  readonly operationId: string
  /** Upper case: `GET`, `PATCH`… */
  readonly method: string
  /** The description's path template: `/repos/{owner}/{repo}/issues/{issue_number}/comments`. */
  readonly pathTemplate: string
  readonly pathParameters: ReadonlyMap<string, ParameterObject>
  readonly queryParameters: ReadonlyMap<string, ParameterObject>
  /** The `application/json` request body schema, `null` when the operation takes no JSON body. */
  readonly requestSchema: JsonSchema | null
  readonly requestBodyRequired: boolean
  /** GitHub's documentation page of the operation: the `documentation_url` of its errors. */
  readonly docsUrl: string
}

/** A request matched to an operation. */
export interface MatchedRequest {
  readonly operation: Operation
  /** Path parameters by name, URL-decoded. */
  readonly params: Record<string, string>
}

/** Why a request is not allowed by the description, or `null` when it is. */
export type Verdict = { readonly allowed: true } | { readonly allowed: false; readonly reason: string }

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

interface Template {
  readonly template: string
  readonly segments: readonly string[]
  /** Literal segments count: the most literal template wins (`issues/comments` over `issues/{n}`). */
  readonly literals: number
  readonly operations: ReadonlyMap<string, Operation>
}

export class OpenApiDescription {
  private readonly byLength = new Map<number, Template[]>()
  private readonly byId = new Map<string, Operation>()
  private readonly ajv: Ajv
  private readonly validators = new Map<string, ValidateFunction>()
  private readonly responses = new Map<string, Record<string, ResponseObject | Reference>>()

  private constructor(private readonly description: Description) {
    const { parameters } = description.components
    const resolveParameter = (p: ParameterObject | Reference): ParameterObject =>
      '$ref' in p ? parameters[p.$ref.split('/').pop() as string] : p
    for (const [template, item] of Object.entries(description.paths)) {
      const operations = new Map<string, Operation>()
      for (const method of HTTP_METHODS) {
        const op = item[method] as OperationObject | undefined
        if (op === undefined) continue
        const resolved = (op.parameters ?? []).map(resolveParameter)
        const json = op.requestBody?.content?.['application/json']
        const operation: Operation = {
          operationId: op.operationId,
          method: method.toUpperCase(),
          pathTemplate: template,
          pathParameters: new Map(resolved.filter((p) => p.in === 'path').map((p) => [p.name, p])),
          queryParameters: new Map(resolved.filter((p) => p.in === 'query').map((p) => [p.name, p])),
          requestSchema: json?.schema ?? null,
          requestBodyRequired: (op.requestBody as { required?: boolean } | undefined)?.required === true,
          docsUrl: op.externalDocs?.url ?? 'https://docs.github.com/rest'
        }
        operations.set(operation.method, operation)
        this.byId.set(op.operationId, operation)
        this.responses.set(op.operationId, op.responses)
      }
      const segments = template.split('/').slice(1)
      const entry = {
        template,
        segments,
        literals: segments.filter((s) => !s.startsWith('{')).length,
        operations
      }
      const list = this.byLength.get(segments.length) ?? []
      list.push(entry)
      this.byLength.set(segments.length, list)
    }
    this.ajv = new Ajv({ strict: false, allErrors: false, logger: false, validateSchema: false })
    this.ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/)
    this.ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i)
    this.ajv.addSchema({ $id: 'github', components: { schemas: description.components.schemas } })
  }

  /** The description, parsed on first call and kept for the life of the test process. */
  static load(): OpenApiDescription {
    if (loaded === null) {
      const root = dirname(createRequire(import.meta.url).resolve('@octokit/openapi/package.json'))
      const text = readFileSync(join(root, 'generated', 'api.github.com.json'), 'utf8')
      // Point every local reference at the components registered in ajv under the id `github`.
      const description = JSON.parse(text.replace(/"\$ref":\s*"#\//g, '"$ref":"github#/')) as Description
      rewriteNullable(description.components.schemas)
      rewriteNullable(description.paths)
      loaded = new OpenApiDescription(description)
    }
    return loaded
  }

  /** The operation with this id (`issues/list-comments`); throws when the description has none. */
  operation(operationId: string): Operation {
    const operation = this.byId.get(operationId)
    if (operation === undefined) throw new Error(`the description has no operation ${operationId}`)
    return operation
  }

  /**
   * The operation a request is, or why there is none: no path template matches, or the template
   * has no such method.
   */
  match(method: string, path: string): MatchedRequest | { readonly reason: string } {
    const segments = path.split('/').slice(1)
    let best: Template | null = null
    for (const candidate of this.byLength.get(segments.length) ?? []) {
      const fits = candidate.segments.every((s, i) => s.startsWith('{') || s === segments[i])
      if (fits && (best === null || candidate.literals > best.literals)) best = candidate
    }
    if (best === null) return { reason: `no path of the description matches ${path}` }
    const operation = best.operations.get(method)
    if (operation === undefined) {
      const allowed = [...best.operations.keys()].join(', ')
      return { reason: `${best.template} has no ${method} operation (it has ${allowed})` }
    }
    const params: Record<string, string> = {}
    best.segments.forEach((s, i) => {
      if (s.startsWith('{')) params[s.slice(1, -1)] = decodeURIComponent(segments[i])
    })
    return { operation, params }
  }

  /** Path parameters have the declared types (`issue_number` is an integer…). */
  checkPathParameters(request: MatchedRequest): Verdict {
    for (const [name, value] of Object.entries(request.params)) {
      const declared = request.operation.pathParameters.get(name)
      const problem = declared === undefined ? 'is not declared' : typeProblem(value, declared.schema)
      if (problem !== null) return { allowed: false, reason: `path parameter ${name}=${value} ${problem}` }
    }
    return { allowed: true }
  }

  /** Query parameters are declared by the operation and have the declared types. */
  checkQuery(operation: Operation, query: URLSearchParams): Verdict {
    for (const [name, value] of query) {
      const declared = operation.queryParameters.get(name)
      if (declared === undefined) {
        const known = [...operation.queryParameters.keys()].join(', ') || 'none'
        return { allowed: false, reason: `query parameter ${name} is not declared (declared: ${known})` }
      }
      const problem = typeProblem(value, declared.schema)
      if (problem !== null) return { allowed: false, reason: `query parameter ${name}=${value} ${problem}` }
    }
    for (const [name, declared] of operation.queryParameters) {
      if (declared.required === true && !query.has(name)) {
        return { allowed: false, reason: `required query parameter ${name} is missing` }
      }
    }
    return { allowed: true }
  }

  /** The JSON body (`undefined` when none was sent) matches the operation's request body schema. */
  checkBody(operation: Operation, body: unknown): Verdict {
    if (body === undefined) {
      return operation.requestBodyRequired
        ? { allowed: false, reason: 'a JSON body is required' }
        : { allowed: true }
    }
    if (operation.requestSchema === null) {
      return { allowed: false, reason: `${operation.operationId} takes no JSON body` }
    }
    const validate = this.compile(`${operation.operationId} request`, operation.requestSchema)
    return verdict(validate, body, 'body')
  }

  /**
   * The response body matches the schema the description gives for this operation and status
   * (`application/json`). A status the operation does not document is not allowed; a documented
   * status without a JSON body (204) must come with no body.
   */
  checkResponse(operationId: string, status: number, body: unknown): Verdict {
    const responses = this.responses.get(operationId)
    if (responses === undefined) return { allowed: false, reason: `no operation ${operationId}` }
    let response = responses[String(status)]
    if (response === undefined)
      return { allowed: false, reason: `${operationId} does not document status ${status}` }
    if ('$ref' in response)
      response = this.description.components.responses[response.$ref.split('/').pop() as string]
    const schema = response.content?.['application/json']?.schema
    if (schema === undefined) {
      return body === undefined
        ? { allowed: true }
        : { allowed: false, reason: `status ${status} has no body` }
    }
    return verdict(this.compile(`${operationId} ${status}`, schema), body, 'response')
  }

  private compile(key: string, schema: JsonSchema): ValidateFunction {
    let validate = this.validators.get(key)
    if (validate === undefined) {
      validate = this.ajv.compile(schema)
      this.validators.set(key, validate)
    }
    return validate
  }
}

let loaded: OpenApiDescription | null = null

function verdict(validate: ValidateFunction, value: unknown, what: string): Verdict {
  if (validate(value)) return { allowed: true }
  const error = validate.errors?.[0]
  const where = error?.instancePath === '' ? what : `${what}${error?.instancePath}`
  return { allowed: false, reason: `${where} ${error?.message ?? 'is invalid'}` }
}

/** What is wrong with a parameter's text for its declared schema, or `null`. Basic types only. */
function typeProblem(value: string, schema: JsonSchema | undefined): string | null {
  if (schema === undefined) return null
  const enumeration = schema.enum as readonly unknown[] | undefined
  if (enumeration !== undefined && !enumeration.includes(value)) {
    return `is not one of ${enumeration.join(', ')}`
  }
  switch (schema.type) {
    case 'integer':
      return /^-?\d+$/.test(value) ? null : 'is not an integer'
    case 'number':
      return value.trim() !== '' && Number.isFinite(Number(value)) ? null : 'is not a number'
    case 'boolean':
      return value === 'true' || value === 'false' ? null : 'is not true or false'
    default:
      return null
  }
}

/** OpenAPI 3.0 `nullable: true` -> JSON Schema, in place (see the module comment). */
function rewriteNullable(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) rewriteNullable(item)
    return
  }
  if (node === null || typeof node !== 'object') return
  const schema = node as Record<string, unknown>
  for (const value of Object.values(schema)) rewriteNullable(value)
  if (schema.nullable !== true) return
  delete schema.nullable
  if (typeof schema.type === 'string') {
    schema.type = [schema.type, 'null']
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null]
  } else {
    const rest = { ...schema }
    for (const key of Object.keys(schema)) delete schema[key]
    schema.anyOf = [{ type: 'null' }, rest]
  }
}
