import { describe, expect, it } from '@jest/globals'
import { commentMarker, encodeState, HISTORY_LENGTH, nextHistory } from '../../src/report/comment-state.js'

describe('commentMarker', () => {
  it.each<[string, string]>([
    ['ml-gate.yml', '<!-- ml-gate:ml-gate.yml -->'],
    ['models/credit/ml-gate.yml', '<!-- ml-gate:models/credit/ml-gate.yml -->'],
    ['shard 2 --> <b>', '<!-- ml-gate:shard_2_-_-___b_ -->'],
    ['a--b', '<!-- ml-gate:a-_-b -->']
  ])('%j', (key, marker) => {
    expect(commentMarker(key)).toBe(marker)
  })
})

describe('history', () => {
  const run = (commit: string, verdict: 'pass' | 'fail' = 'fail') => ({
    verdict,
    headline: `run ${commit}`,
    commit
  })

  it('adds the previous run when the commit changed, newest first', () => {
    const body = `report\n${encodeState(run('b'), [run('a', 'pass')])}\n`
    expect(nextHistory(body, 'c')).toEqual([run('b'), run('a', 'pass')])
  })

  it('does not add a re-run of the same commit', () => {
    expect(nextHistory(encodeState(run('b'), [run('a')]), 'b')).toEqual([run('a')])
  })

  it(`keeps ${HISTORY_LENGTH} runs`, () => {
    const history = Array.from({ length: HISTORY_LENGTH }, (_, i) => run(`h${i}`))
    const next = nextHistory(encodeState(run('new'), history), 'newer')
    expect(next).toHaveLength(HISTORY_LENGTH)
    expect(next[0]).toEqual(run('new'))
  })

  it('hides a headline that tries to close the HTML comment', () => {
    const state = encodeState({ verdict: 'fail', headline: '--> <b>@octocat</b>', commit: null }, [])
    expect(state).toMatch(/^<!-- ml-gate-state:[A-Za-z0-9_-]+ -->$/)
    expect(nextHistory(state, 'x')).toEqual([
      { verdict: 'fail', headline: '--> <b>@octocat</b>', commit: null }
    ])
  })

  it('starts afresh from a body without readable state', () => {
    expect(nextHistory(null, 'a')).toEqual([])
    expect(nextHistory('hand-edited', 'a')).toEqual([])
    expect(nextHistory('<!-- ml-gate-state:bm90IGpzb24 -->', 'a')).toEqual([])
    expect(
      nextHistory(
        `<!-- ml-gate-state:${Buffer.from('{"current":{"verdict":1}}').toString('base64url')} -->`,
        'a'
      )
    ).toEqual([])
  })
})
