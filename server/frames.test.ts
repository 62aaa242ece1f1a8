import type { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import * as ws from 'ws'
import { binaryFrames } from './frames.js'

/** ws's own frame parser, as a client runs it (ws exports it, its typings do not). */
const { Receiver } = ws as unknown as {
  Receiver: new (options: { isServer: boolean; binaryType: string }) => Writable
}

/** The messages ws's parser reads from the bytes, failing on anything it cannot read. */
async function parse(bytes: Buffer): Promise<Buffer[]> {
  const receiver = new Receiver({ isServer: false, binaryType: 'nodebuffer' })
  const messages: Buffer[] = []
  receiver.on('message', (data: Buffer, isBinary: boolean) => {
    expect(isBinary).toBe(true)
    messages.push(data)
  })
  await new Promise<void>((resolve, reject) => {
    receiver.on('error', reject)
    receiver.end(bytes, resolve)
  })
  return messages
}

const message = (length: number, fill: number) => new Uint8Array(length).fill(fill)

describe('binaryFrames', () => {
  it('frames messages of every header size so a websocket client reads them back in order', async () => {
    // 125, 126, 65535 and 65536 bytes are where the length field changes size.
    const messages = [0, 1, 125, 126, 65_535, 65_536, 70_000].map((length, i) =>
      message(length, i + 1),
    )
    const parsed = await parse(binaryFrames(messages))
    expect(parsed.map((m) => m.length)).toEqual(messages.map((m) => m.length))
    parsed.forEach((m, i) => expect(new Uint8Array(m)).toEqual(messages[i]))
  })

  it('gives the same bytes however the messages are split into batches', () => {
    const messages = [message(3, 7), message(300, 8)]
    expect(binaryFrames(messages)).toEqual(Buffer.concat(messages.map((m) => binaryFrames([m]))))
  })
})
