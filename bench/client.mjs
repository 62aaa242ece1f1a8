// The browser side in Debian's Chromium against the built server: how long a 300-note map takes
// to open, how smooth dragging a note is, and how long from a join link to typing a note.
// Usage: npm run build && node bench/client.mjs [--notes 300] [--runs 3] [--against <dist/server/index.js>] [--turns 2]
//   [--parts open,drag,join,phone,bigscreen]
// "phone" is a mid-range phone: Chromium's CPU throttled 4×, and a network of 1.6 Mbit/s down,
// 750 kbit/s up and 150 ms round trip, both set through the DevTools protocol.
// With --against, the same measurements run against another build too (it serves its own client),
// the builds taking turns, and the table has a column for each.
/* global window, document, requestAnimationFrame, MutationObserver -- these measurements run inside the page */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { launchChromium, mapFile } from './fixtures.mjs'
import { ourServerArgs, startServerProcess } from './serverProcess.mjs'

const { values } = parseArgs({
  options: {
    notes: { type: 'string', default: '300' },
    runs: { type: 'string', default: '3' },
    against: { type: 'string' },
    turns: { type: 'string', default: '2' },
    parts: { type: 'string', default: 'open,drag,join,phone,bigscreen' },
  },
})
const PARTS = new Set(values.parts.split(','))
const TURNS = Number(values.turns)
const NOTES = Number(values.notes)
const RUNS = Number(values.runs)

const browser = await launchChromium()
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]
const percentile = (list, p) => {
  const sorted = [...list].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

async function join(page, name) {
  await page.getByLabel('Je naam').fill(name)
  await page.getByRole('radio', { name: 'Beroepskracht' }).check()
  await page.getByRole('button', { name: 'Meedoen' }).click()
}

/** Every measurement against one server process; resolves with the raw figures. */
async function measure(args, name) {
  const server = await startServerProcess(args, name)
  // A map of NOTES notes, made by importing a file through the start page.
  const file = path.join(server.dataDir, `map-${NOTES}.json`)
  fs.writeFileSync(file, JSON.stringify(mapFile(NOTES)))
  const maker = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const makerPage = await maker.newPage()
  await makerPage.goto(server.url)
  await makerPage.getByLabel('Kies een JSON-bestand van een partnerschapskaart').setInputFiles(file)
  await join(makerPage, 'Ellen')
  await makerPage
    .locator('.note-list > li')
    .nth(NOTES - 1)
    .waitFor()
  const mapUrl = makerPage.url()

  /**
   * In the page: the time from navigation start to the first frame drawn with all the notes in the
   * document, by the page's own clock. The script's wall time adds Playwright's round trips to it.
   */
  function recordAllShown(count) {
    const check = () => {
      if (document.querySelectorAll('.note-list > li').length < count) {
        requestAnimationFrame(check)
        return
      }
      // The next animation frame comes once the frame with all the notes has been drawn.
      requestAnimationFrame(() => {
        window.__allShown = performance.now()
      })
    }
    requestAnimationFrame(check)
  }
  const allShown = (page) =>
    page.waitForFunction(() => window.__allShown).then((handle) => handle.jsonValue())

  /**
   * In the page, by its own clock: when the join form shows, "Meedoen" is pressed, the board
   * shows a note, "Notitie toevoegen" is pressed and a note's text box has focus.
   */
  function recordJoinSteps() {
    const steps = {}
    window.__joinSteps = steps
    const mark = (name) => (steps[name] ??= performance.now())
    new MutationObserver(() => {
      if (document.querySelector('.room-join input')) mark('form')
      if (steps.joinPressed && document.querySelector('.column:not([hidden]) .note-list > li'))
        mark('board')
    }).observe(document, { childList: true, subtree: true })
    document.addEventListener(
      'click',
      (event) => {
        if (event.target.closest?.('.room-join button[type="submit"]')) mark('joinPressed')
        if (event.target.closest?.('.add-note')) mark('addPressed')
      },
      true,
    )
    document.addEventListener(
      'focusin',
      (event) => {
        if (steps.addPressed && event.target.tagName === 'TEXTAREA') mark('focused')
      },
      true,
    )
  }

  // 1. Opening the map: a person who joined before opens the link again, on a warm and a cold cache.
  const openTimes = { cold: [], warm: [], warmInPage: [] }
  for (let run = 0; run < (PARTS.has('open') ? RUNS : 0); run++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    await context.addInitScript(recordAllShown, NOTES)
    const page = await context.newPage()
    await page.goto(mapUrl)
    await join(page, `Lezer ${run}`)
    await page
      .locator('.note-list > li')
      .nth(NOTES - 1)
      .waitFor()
    const warmStart = performance.now()
    await page.goto(mapUrl)
    await page
      .locator('.note-list > li')
      .nth(NOTES - 1)
      .waitFor()
    openTimes.warm.push(performance.now() - warmStart)
    openTimes.warmInPage.push(await allShown(page))
    await context.close()
    // A first visit: nothing cached, the join form, then the whole map.
    const fresh = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    const freshPage = await fresh.newPage()
    const started = performance.now()
    await freshPage.goto(mapUrl)
    await join(freshPage, `Nieuw ${run}`)
    await freshPage
      .locator('.note-list > li')
      .nth(NOTES - 1)
      .waitFor()
    openTimes.cold.push(performance.now() - started)
    await fresh.close()
  }

  // 2. Dragging a note across the board while every frame's length is recorded in the page.
  const frames = []
  /** Lengths of the long tasks (over 50 ms, the browser's own measure) during the drags. */
  const longTasks = []
  for (let run = 0; run < (PARTS.has('drag') ? RUNS : 0); run++) {
    const handle = makerPage
      .getByRole('region', { name: /Waarden/ })
      .locator('.note-list > li')
      .first()
      .getByRole('button', { name: /Verplaatsen/ })
    await handle.scrollIntoViewIfNeeded()
    const from = await handle.boundingBox()
    const target = await makerPage
      .getByRole('region', { name: /Relaties/ })
      .locator('.note-list')
      .boundingBox()
    await makerPage.evaluate(() => {
      window.__long = []
      window.__longObserver = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__long.push(entry.duration)
      })
      window.__longObserver.observe({ type: 'longtask' })
      window.__frames = []
      let last = performance.now()
      const tick = (now) => {
        window.__frames.push(now - last)
        last = now
        if (window.__recording) requestAnimationFrame(tick)
      }
      window.__recording = true
      requestAnimationFrame(tick)
    })
    await makerPage.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await makerPage.mouse.down()
    await makerPage.mouse.move(from.x + 20, from.y + 20, { steps: 5 })
    await makerPage.mouse.move(target.x + target.width / 2, target.y + 40, { steps: 60 })
    await makerPage.mouse.up()
    await makerPage.waitForTimeout(300)
    const recorded = await makerPage.evaluate(() => {
      window.__recording = false
      window.__longObserver.disconnect()
      // The first frame measures the time since recording began, not a frame.
      return { frames: window.__frames.slice(1), long: window.__long }
    })
    frames.push(...recorded.frames)
    longTasks.push(...recorded.long)
  }

  // 3. From opening a join link on a new device to typing in a note's text box.
  const joinTimes = { form: [], typing: [] }
  for (let run = 0; run < (PARTS.has('join') ? RUNS : 0); run++) {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
    })
    const page = await context.newPage()
    const started = performance.now()
    await page.goto(mapUrl)
    await page.getByLabel('Je naam').waitFor()
    joinTimes.form.push(performance.now() - started)
    await join(page, `Telefoon ${run}`)
    const add = page.getByRole('button', { name: /Notitie toevoegen aan/ }).first()
    await add.click()
    const box = page.getByRole('textbox', { name: 'Tekst van de notitie' }).first()
    await box.waitFor()
    await box.pressSequentially('W')
    joinTimes.typing.push(performance.now() - started)
    await context.close()
  }

  // 4. A mid-range phone on a slow network: from opening the join link to a note's text box
  // with focus (name and role typed by the script), then from pressing Enter on the phone to the
  // note in the document of another device (the maker's laptop, not throttled), by the two pages'
  // own clocks (one machine, one wall clock). The script's wall time includes Playwright finding
  // and filling the fields, in the throttled page too (its role queries walk the page); the
  // page's own clock gives the app's part alone: navigation to the join form, "Meedoen" to the
  // board with notes, "Notitie toevoegen" to the focused field. The JavaScript it took is what
  // the network delivered (compressed) by the time the field had focus.
  const phone = { form: [], board: [], focused: [], arrived: [], app: [], appSteps: [], js: [] }
  for (let run = 0; run < (PARTS.has('phone') ? RUNS : 0); run++) {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    })
    await context.addInitScript(recordJoinSteps)
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    await cdp.send('Network.enable')
    const scripts = new Set()
    let scriptBytes = 0
    cdp.on('Network.responseReceived', (event) => {
      if (event.type === 'Script') scripts.add(event.requestId)
    })
    cdp.on('Network.loadingFinished', (event) => {
      if (scripts.has(event.requestId)) scriptBytes += event.encodedDataLength
    })
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6e6 / 8) | 0,
      uploadThroughput: (750e3 / 8) | 0,
    })
    const started = performance.now()
    await page.goto(mapUrl)
    await page.getByLabel('Je naam').waitFor()
    phone.form.push(performance.now() - started)
    await join(page, `Langzaam ${run}`)
    await page.getByRole('group', { name: 'De partnerschapskaart' }).waitFor()
    await page.locator('.column:not([hidden]) .note-list > li').first().waitFor()
    phone.board.push(performance.now() - started)
    const add = page.getByRole('button', { name: /Notitie toevoegen aan/ }).first()
    await add.click()
    const box = page.getByRole('textbox', { name: 'Tekst van de notitie' }).first()
    const field = await box.elementHandle()
    await page.waitForFunction((element) => element === document.activeElement, field)
    phone.focused.push(performance.now() - started)
    phone.js.push(scriptBytes)
    const steps = await page.evaluate(() => window.__joinSteps)
    const own = [steps.form, steps.board - steps.joinPressed, steps.focused - steps.addPressed]
    phone.appSteps.push(own)
    phone.app.push(own.reduce((sum, step) => sum + step, 0))
    const text = `Van de telefoon ${run} ${Math.random().toString(36).slice(2)}`
    await box.fill(text)
    await makerPage.evaluate((wanted) => {
      window.__arrived = null
      const observer = new MutationObserver(() => {
        if (document.body.textContent?.includes(wanted)) {
          window.__arrived = Date.now()
          observer.disconnect()
        }
      })
      observer.observe(document.body, { childList: true, subtree: true, characterData: true })
    }, text)
    await page.evaluate(() => {
      window.__enterAt = null
      document.addEventListener(
        'keydown',
        (event) => {
          if (event.key === 'Enter') window.__enterAt ??= Date.now()
        },
        { capture: true },
      )
    })
    await box.press('Enter')
    const arrived = await makerPage
      .waitForFunction(() => window.__arrived, null, { timeout: 20_000 })
      .then((handle) => handle.jsonValue())
    const enterAt = await page.evaluate(() => window.__enterAt)
    phone.arrived.push(arrived - enterAt)
    await context.close()
  }

  // 5. The big screen at 1920×1080: from navigation start to the first frame with notes on the
  // board, and to the last change of how many it shows (the board fits them to the screen); then
  // one note changed on the facilitator's laptop: from the change reaching the big screen's
  // document to its next frame, and the long tasks (over 50 ms) meanwhile.
  const big = { firstNotes: [], settled: [], frameAfter: [], longest: [] }
  if (PARTS.has('bigscreen')) {
    const share = makerPage.locator('.room-status').getByRole('button', { name: /^Delen/ })
    if ((await share.getAttribute('aria-expanded')) !== 'true') await share.click()
    const viewerUrl = await makerPage.locator('#share-viewer').inputValue()
    await share.click()
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
      await context.addInitScript(() => {
        let count = -1
        const tick = () => {
          const now = document.querySelectorAll('.vw-note:not([data-off-page])').length
          if (now > 0 && window.__firstNotes === undefined) window.__firstNotes = performance.now()
          if (now !== count) {
            count = now
            window.__lastChange = performance.now()
          }
          requestAnimationFrame(tick)
        }
        requestAnimationFrame(tick)
      })
      const page = await context.newPage()
      await page.goto(viewerUrl)
      await page.waitForFunction(() => window.__firstNotes !== undefined, null, { timeout: 20_000 })
      await page.waitForTimeout(1500)
      const shown = await page.evaluate(() => ({
        first: window.__firstNotes,
        settled: window.__lastChange,
      }))
      big.firstNotes.push(shown.first)
      big.settled.push(shown.settled)
      const text = `Nu anders ${run} ${Math.random().toString(36).slice(2)}`
      await page.evaluate((wanted) => {
        window.__long = []
        window.__repaint = null
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.__long.push(entry.duration)
        }).observe({ type: 'longtask' })
        const observer = new MutationObserver(() => {
          if (!document.body.textContent?.includes(wanted)) return
          observer.disconnect()
          const changed = performance.now()
          requestAnimationFrame(() => {
            window.__repaint = performance.now() - changed
          })
        })
        observer.observe(document.body, { childList: true, subtree: true, characterData: true })
      }, text)
      const first = makerPage.locator('.note-list > li').first()
      await first.getByRole('button', { name: /^Acties voor notitie/ }).click()
      await first.getByRole('menuitem', { name: 'Bewerken' }).click()
      const box = first.getByRole('textbox', { name: 'Tekst van de notitie' })
      await box.fill(text)
      await box.press('Enter')
      const repaint = await page
        .waitForFunction(() => window.__repaint, null, { timeout: 20_000 })
        .then((handle) => handle.jsonValue())
      await page.waitForTimeout(500)
      big.frameAfter.push(repaint)
      big.longest.push(await page.evaluate(() => Math.max(0, ...window.__long)))
      await context.close()
    }
  }

  server.child.kill('SIGTERM')
  fs.rmSync(server.dataDir, { recursive: true, force: true })
  return { openTimes, joinTimes, frames, longTasks, phone, big }
}

const builds = [['this build', ourServerArgs]]
if (values.against) {
  const entry = path.resolve(values.against)
  builds.push([values.against, (dataDir) => [entry, ...ourServerArgs(dataDir).slice(1)]])
}
// The builds take turns, the first one first in one turn and last in the next, so neither always
// meets a browser that has just started; each turn runs RUNS runs of everything.
const results = builds.map(() => ({
  openTimes: { cold: [], warm: [], warmInPage: [] },
  joinTimes: { form: [], typing: [] },
  frames: [],
  longTasks: [],
  phone: { form: [], board: [], focused: [], arrived: [], app: [], appSteps: [], js: [] },
  big: { firstNotes: [], settled: [], frameAfter: [], longest: [] },
}))
for (let turn = 0; turn < TURNS; turn++) {
  const order = builds.map((_, i) => i)
  if (turn % 2 === 1) order.reverse()
  for (const i of order) {
    const figures = await measure(builds[i][1], builds[i][0])
    const into = results[i]
    for (const key of ['cold', 'warm', 'warmInPage'])
      into.openTimes[key].push(...figures.openTimes[key])
    for (const key of ['form', 'typing']) into.joinTimes[key].push(...figures.joinTimes[key])
    into.frames.push(...figures.frames)
    into.longTasks.push(...figures.longTasks)
    for (const key of ['form', 'board', 'focused', 'arrived', 'app', 'appSteps', 'js']) {
      into.phone[key].push(...figures.phone[key])
    }
    for (const key of ['firstNotes', 'settled', 'frameAfter', 'longest']) {
      into.big[key].push(...figures.big[key])
    }
  }
}
await browser.close()

const ms = (value) => (value === undefined ? '–' : `${value.toFixed(0)}`)
const row = (what, pick) =>
  console.log(`| ${what} | ${results.map((r) => ms(pick(r))).join(' | ')} |`)
console.log(
  `\nBrowser budgets in Chromium (headless), map of ${NOTES} notes, ${RUNS} runs in each of ${TURNS} turns (median of all); ${os.cpus().length} cores\n`,
)
console.log(`| what (ms) | ${builds.map(([label]) => label).join(' | ')} |`)
console.log(`| --- | ${builds.map(() => '---:').join(' | ')} |`)
row('open the map again (cached: service worker and IndexedDB)', (r) => median(r.openTimes.warm))
row(`the same, in the page: navigation start to the first frame with all ${NOTES} notes`, (r) =>
  median(r.openTimes.warmInPage),
)
row(`first visit: open the link, join, all ${NOTES} notes shown`, (r) => median(r.openTimes.cold))
row('join link to the join form (phone size, new device)', (r) => median(r.joinTimes.form))
row('join link to typing a note (includes filling in name and role by script)', (r) =>
  median(r.joinTimes.typing),
)
row('mid-range phone (CPU 4×, 1.6/0.75 Mbit/s, 150 ms): join link to a focused note field', (r) =>
  median(r.phone.focused),
)
row("mid-range phone, by the page's clock: the app's own part of that (without the script)", (r) =>
  median(r.phone.app),
)
row('mid-range phone: Enter to the note on another device', (r) => median(r.phone.arrived))
row('big screen 1920×1080: navigation start to the first frame with notes', (r) =>
  median(r.big.firstNotes),
)
row('big screen: navigation start to the last change of the notes shown (fitted)', (r) =>
  median(r.big.settled),
)
row('big screen: one note changed elsewhere, its arrival to the next frame', (r) =>
  median(r.big.frameAfter),
)
row('big screen: longest task meanwhile (0: none over 50 ms)', (r) => median(r.big.longest))
for (const [[label], { big }] of builds.map((build, i) => [build, results[i]])) {
  if (big.firstNotes.length === 0) continue
  console.log(
    `\n${label}, big screen, each run: first notes ${big.firstNotes.map(ms).join(', ')} ms; fitted ${big.settled.map(ms).join(', ')} ms; change to frame ${big.frameAfter.map(ms).join(', ')} ms; longest task ${big.longest.map(ms).join(', ')} ms`,
  )
}
for (const [[label], { phone }] of builds.map((build, i) => [build, results[i]])) {
  if (phone.focused.length === 0) continue
  console.log(
    `\n${label}, mid-range phone, each run: join form ${phone.form.map(ms).join(', ')} ms; board with notes ${phone.board.map(ms).join(', ')} ms; focused ${phone.focused.map(ms).join(', ')} ms; arrived ${phone.arrived.map(ms).join(', ')} ms`,
  )
  console.log(
    `${label}, mid-range phone, the app's own steps by the page's clock (to the join form + "Meedoen" to the board + "Notitie toevoegen" to the focused field): ${phone.appSteps.map((steps) => steps.map(ms).join(' + ')).join('; ')} ms`,
  )
  console.log(
    `${label}, mid-range phone, JavaScript delivered by the focused field (compressed as sent): ${phone.js.map((bytes) => `${(bytes / 1000).toFixed(1)} kB`).join(', ')}`,
  )
}
for (const [[label], { frames, longTasks }] of builds.map((build, i) => [build, results[i]])) {
  if (frames.length === 0) continue
  console.log(
    `\n${label}: dragging a note over the board: ${frames.length} frames, p50 ${percentile(frames, 50).toFixed(1)} ms, p95 ${percentile(frames, 95).toFixed(1)} ms, longest ${Math.max(...frames).toFixed(1)} ms`,
  )
  console.log(
    `${label}: long tasks during the ${RUNS} drags: ${longTasks.length}, ${longTasks.reduce((sum, ms) => sum + ms, 0).toFixed(0)} ms in all, longest ${Math.max(0, ...longTasks).toFixed(0)} ms`,
  )
}
process.exit(0)
