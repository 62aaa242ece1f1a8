/** True when the person's system asks for less motion: then nothing on the board glides. */
export function prefersLessMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false
}
