import { describe, expect, it } from '@jest/globals'
import { RowBlock } from '../../src/evaluation/row-block.js'

/** Stages `rows` (each the segment ordinal of each slot) and returns what `drain` visits. */
function drain(perRow: number, rows: number[][], segmentCount: number): [number, number[]][] {
  const block = new RowBlock(perRow, 8)
  rows.forEach((ordinals, r) => {
    ordinals.forEach((ordinal, slot) => block.assign(r, slot, ordinal))
    block.size++
  })
  const visits: [number, number[]][] = []
  block.drain(segmentCount, (ordinal, members) => visits.push([ordinal, [...members]]))
  expect(block.size).toBe(0)
  return visits
}

describe('RowBlock', () => {
  it('visits each segment with rows once, with its rows ascending', () => {
    // Slot 0 is `all` (ordinal 0); slot 1 a family with segments 1 to 3 (3 has no rows).
    const rows = [
      [0, 2],
      [0, 1],
      [0, 2],
      [0, 4],
      [0, 1]
    ]
    expect(drain(2, rows, 5)).toEqual([
      [0, [0, 1, 2, 3, 4]],
      [1, [1, 4]],
      [2, [0, 2]],
      [4, [3]]
    ])
  })

  it('visits slot by slot, and keeps 16-bit ordinals up to the bound it was given', () => {
    const block = new RowBlock(3, 4, 0xffff)
    ;[
      [0, 0xffff, 3],
      [0, 7, 3]
    ].forEach((ordinals, r) => {
      ordinals.forEach((ordinal, slot) => block.assign(r, slot, ordinal))
      block.size++
    })
    expect([...block.slots()]).toEqual([0, 0xffff, 3, 0, 7, 3])
    const visits: [number, number[]][] = []
    block.drain(0x10000, (ordinal, members) => visits.push([ordinal, [...members]]))
    expect(visits).toEqual([
      [0, [0, 1]],
      [7, [1]],
      [0xffff, [0]],
      [3, [0, 1]]
    ])
  })

  it('starts empty again after a drain, and grows its counters for new segments', () => {
    const block = new RowBlock(1, 4)
    block.assign(0, 0, 0)
    block.size = 1
    block.drain(1, () => undefined)
    block.assign(0, 0, 9)
    block.assign(1, 0, 9)
    block.size = 2
    expect(block.full).toBe(false)
    const visits: [number, number[]][] = []
    block.drain(10, (ordinal, members) => visits.push([ordinal, [...members]]))
    expect(visits).toEqual([[9, [0, 1]]])
  })
})
