/** The page's calls to the playground server. Every answer to an action is the new state. */
import type { PlaygroundState } from '../protocol';

async function answer<T>(response: Response): Promise<T> {
  const body = (await response.json()) as T | { error: string };
  if (!response.ok) throw new Error((body as { error?: string }).error ?? `HTTP ${response.status}`);
  return body as T;
}

export async function fetchState(): Promise<PlaygroundState> {
  return answer<PlaygroundState>(await fetch('/api/state'));
}

export async function fetchVersion(): Promise<number> {
  return (await answer<{ version: number }>(await fetch('/api/version'))).version;
}

export async function post(path: string, body: Record<string, unknown> = {}): Promise<PlaygroundState> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return answer<PlaygroundState>(response);
}
