/**
 * Retries an assertion until it holds or the time is up, then fails with the last assertion error: the
 * sidebar answers asynchronously (every action is a round trip to the emulated server).
 */
export async function eventually<T>(
  read: () => T | Promise<T>,
  expected: unknown,
  timeoutMs = 20_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const actual = await read();
    try {
      expect(actual).toEqual(expected);
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
