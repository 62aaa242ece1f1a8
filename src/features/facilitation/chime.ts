/** Three soft tones made in the browser (no sound file to fetch); silent if audio is blocked. */
export function playChime(): void {
  try {
    const audio = new AudioContext()
    const start = audio.currentTime
    ;[660, 880, 990].forEach((frequency, i) => {
      const tone = audio.createOscillator()
      const gain = audio.createGain()
      tone.frequency.value = frequency
      gain.gain.setValueAtTime(0.0001, start + i * 0.35)
      gain.gain.exponentialRampToValueAtTime(0.25, start + i * 0.35 + 0.05)
      gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.35 + 0.3)
      tone.connect(gain).connect(audio.destination)
      tone.start(start + i * 0.35)
      tone.stop(start + i * 0.35 + 0.32)
    })
    setTimeout(() => void audio.close(), 1500)
  } catch {
    // No audio here: the visual signal is enough.
  }
}
