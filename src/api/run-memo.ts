import { ResponseCache } from './client';

/**
 * The answers of one run (a refresh, a sidebar call), kept in memory for that run only: a report run asks the
 * same question more than once (two reports of one period, finance re-reading /billing), and the second ask
 * should not cost a request. Nothing outlives the execution, so report data is still always fresh.
 */
export class RunMemo implements ResponseCache {
  private readonly bodies = new Map<string, string>();

  getMany(requestKeys: string[]): Record<string, string> {
    const found: Record<string, string> = {};
    for (const key of requestKeys) {
      const body = this.bodies.get(key);
      if (body !== undefined) found[key] = body;
    }
    return found;
  }

  putMany(bodies: Record<string, string>): void {
    for (const key of Object.keys(bodies)) this.bodies.set(key, bodies[key]);
  }
}
