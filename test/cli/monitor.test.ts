import { describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { cli } from '../support/cli.js'
import { logsCsv, monitorFolder } from '../monitor/monitor-logs.js'

const DAILY = ['logs: logs.csv', 'time: ts', 'window: 1d', 'reference: { first: 3d }']

describe('ml-gate monitor', () => {
  it('exit 1 when the newest window alerts: the headline, one line per window, the sparklines, the document', async () => {
    const csv = logsCsv({ seed: 7, days: 6, rowsPerDay: 100, shift: { 5: 0.2 } })
    const config = monitorFolder(csv, DAILY)
    const json = join(dirname(config), 'out', 'monitor.json')
    const run = await cli('monitor', '--config', config, '--json', json)
    expect([run.code, run.stderr]).toEqual([1, ''])
    const lines = run.stdout.split('\n')
    expect(lines[0]).toMatch(
      /^ml-gate monitor: ALERT: the newest window \(2026-03-06T00:00:00Z\) alerts: drift of score: /
    )
    expect(lines.slice(2, 4)).toEqual([
      'window                rows  labelled  positive rate  mean score  status  alerts',
      '--------------------  ----  --------  -------------  ----------  ------  ------'
    ])
    expect(lines[4]).toMatch(/^2026-03-04T00:00:00Z {3}100 {7}100 +\d\.\d{3} +\d\.\d{3} {2}ok +0$/)
    expect(lines[6]).toMatch(/^2026-03-06T00:00:00Z {3}100 {7}100 +\d\.\d{3} +\d\.\d{3} {2}ALERT +\d+$/)
    expect(lines[8]).toMatch(/^positive rate {2}[▁▂▃▄▅▆▇█]{2}█$/)
    const document = JSON.parse(readFileSync(json, 'utf8'))
    expect([document.schema, document.status, document.alerting]).toEqual(['ml-gate/monitor@1', 'alert', [2]])
  })

  it('exit 0 when the newest window is within the reference; --json - prints the document alone', async () => {
    const config = monitorFolder(logsCsv({ seed: 2, days: 5, rowsPerDay: 100 }), DAILY)
    const run = await cli('monitor', '--config', config, '--json', '-')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'ok', alerting: [] })
  })

  it('exit 2: no --config, and a config without a monitor section, at its line', async () => {
    expect(await cli('monitor')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ml-gate: ml-gate monitor: --config CONFIG is required\n'
    })
    const config = monitorFolder('', DAILY)
    const bare = join(dirname(config), 'bare.yml')
    writeFileSync(bare, 'version: 1\n')
    expect((await cli('monitor', '--config', bare)).stderr).toBe(
      `ml-gate: ${bare}:1:1: no monitor section: add \`monitor:\` with logs, time, window and reference\n`
    )
  })
})
