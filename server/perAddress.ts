/**
 * How many of something each address holds open at once (connections), with a cap: memory
 * stays bounded because an address that holds nothing is forgotten.
 */
export class PerAddress {
  private readonly held = new Map<string, number>()

  constructor(private readonly cap: number) {}

  /** Takes one for `key`; false, taking nothing, when the address holds its cap already. */
  take(key: string): boolean {
    const count = this.held.get(key) ?? 0
    if (count >= this.cap) return false
    this.held.set(key, count + 1)
    return true
  }

  release(key: string): void {
    const count = this.held.get(key) ?? 0
    if (count <= 1) this.held.delete(key)
    else this.held.set(key, count - 1)
  }
}
