import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDataDir } from './helpers/serverProcess'

const UNIT = path.resolve('deploy/partnerschapskaart.service')
const hasSystemd = spawnSync('systemd-analyze', ['--version']).status === 0

describe('the systemd unit', () => {
  it('runs as its own user, restarts on failure and keeps its data folder to itself', () => {
    const unit = fs.readFileSync(UNIT, 'utf8')
    expect(unit).toMatch(/^User=partnerschapskaart$/m)
    expect(unit).toMatch(/^Restart=on-failure$/m)
    expect(unit).toMatch(/^StateDirectoryMode=0700$/m)
    expect(unit).toMatch(/^EnvironmentFile=-\/etc\/partnerschapskaart\/env$/m)
    expect(unit).toMatch(
      /^ExecStart=\/usr\/bin\/node \/opt\/partnerschapskaart\/dist\/server\/index\.js$/m,
    )
  })

  it.skipIf(!hasSystemd)('passes systemd-analyze verify, with the paths of this checkout', () => {
    // The unit names /opt/partnerschapskaart and /usr/bin/node; verify checks they exist.
    const unit = fs
      .readFileSync(UNIT, 'utf8')
      .replaceAll('/opt/partnerschapskaart', path.resolve('.'))
      .replace('/usr/bin/node', process.execPath)
    const file = path.join(tempDataDir('pk-unit-'), 'partnerschapskaart.service')
    fs.writeFileSync(file, unit)
    const result = spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8' })
    expect(result.stderr.trim()).toBe('')
    expect(result.status).toBe(0)
    // And it would fail on a broken unit: the check is real.
    fs.writeFileSync(file, unit.replace('Restart=on-failure', 'Restart=sometimes'))
    expect(spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8' }).stderr).toContain(
      'restart specifier',
    )
    expect(execFileSync('systemd-analyze', ['--version'], { encoding: 'utf8' })).toMatch(/systemd/)
  })
})
