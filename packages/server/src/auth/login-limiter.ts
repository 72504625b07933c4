/**
 * Login rate limit, per account and per address: at most `perAccount`
 * failures for one e-mail and `perAddress` for one client address within the
 * window; a success clears the account's failures. In memory: one server
 * process holds PromAtlas's sessions.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly options = { perAccount: 5, perAddress: 20, windowMs: 15 * 60 * 1000 },
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - this.options.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds to wait before another attempt, or 0 when one is allowed. */
  retryAfter(email: string, address: string): number {
    const account = this.recent(`a:${email}`);
    const ip = this.recent(`i:${address}`);
    const blocked = [
      account.length >= this.options.perAccount ? account[0]! : null,
      ip.length >= this.options.perAddress ? ip[0]! : null,
    ].filter((t): t is number => t !== null);
    if (!blocked.length) return 0;
    return Math.max(
      1,
      Math.ceil((Math.min(...blocked) + this.options.windowMs - this.now()) / 1000),
    );
  }

  recordFailure(email: string, address: string): void {
    for (const key of [`a:${email}`, `i:${address}`])
      this.failures.set(key, [...this.recent(key), this.now()]);
  }

  recordSuccess(email: string): void {
    this.failures.delete(`a:${email}`);
  }
}
