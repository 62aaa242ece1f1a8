/**
 * Websocket frames built once for many peers. A server's frames are not masked (RFC 6455 §5.1),
 * so a message sent to sixty peers has the same bytes for each: it is framed once, and a batch of
 * messages becomes one buffer that each peer gets in one write.
 */

/** Opcode of a binary frame with the FIN bit set: a whole binary message in one frame. */
const FINAL_BINARY = 0x82

/** Length of the frame header for a payload of `length` bytes (RFC 6455 §5.2). */
function headerLength(length: number): number {
  if (length < 126) return 2
  if (length < 65_536) return 4
  return 10
}

/** Writes one final, unmasked binary frame holding `message` into `target` at `offset`. */
function writeFrame(target: Buffer, offset: number, message: Uint8Array): number {
  const length = message.length
  target[offset] = FINAL_BINARY
  let at = offset + 2
  if (length < 126) target[offset + 1] = length
  else if (length < 65_536) {
    target[offset + 1] = 126
    target.writeUInt16BE(length, offset + 2)
    at = offset + 4
  } else {
    target[offset + 1] = 127
    target.writeBigUInt64BE(BigInt(length), offset + 2)
    at = offset + 10
  }
  target.set(message, at)
  return at + length
}

/** The messages as final, unmasked binary frames, back to back: each frame one whole message. */
export function binaryFrames(messages: readonly Uint8Array[]): Buffer {
  let size = 0
  for (const message of messages) size += headerLength(message.length) + message.length
  const frames = Buffer.allocUnsafe(size)
  let offset = 0
  for (const message of messages) offset = writeFrame(frames, offset, message)
  return frames
}
