/** An error answer of the mock API: the status and FastAPI's `{"detail": ...}` body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}
