import { HttpClient, HttpRequest, HttpResponse, NetworkError } from './ports';

function toResponse(response: GoogleAppsScript.URL_Fetch.HTTPResponse): HttpResponse {
  const headers: Record<string, string> = {};
  const raw = response.getHeaders() as Record<string, unknown>;
  for (const name of Object.keys(raw)) headers[name.toLowerCase()] = String(raw[name]);
  return { status: response.getResponseCode(), headers, body: response.getContentText() };
}

function toParams(request: HttpRequest): GoogleAppsScript.URL_Fetch.URLFetchRequest {
  // muteHttpExceptions: error statuses come back as responses so the client can explain them.
  // No redirects: the API has no reason to send one, and the X-API-Key header must not follow it elsewhere.
  return {
    url: request.url,
    method: 'get',
    headers: request.headers,
    muteHttpExceptions: true,
    followRedirects: false,
  };
}

/** UrlFetchApp behind the HttpClient port: one request uses fetch, several go out together with fetchAll. */
export function urlFetchHttp(): HttpClient {
  return {
    fetchAll(requests: HttpRequest[]): HttpResponse[] {
      try {
        if (requests.length === 1) {
          const { url, ...params } = toParams(requests[0]);
          return [toResponse(UrlFetchApp.fetch(url, params))];
        }
        return UrlFetchApp.fetchAll(requests.map(toParams)).map(toResponse);
      } catch (error) {
        // UrlFetchApp throws (even with muteHttpExceptions) when no response arrived; its message may
        // contain the URL but never the headers, so it is safe to pass on.
        throw new NetworkError(error instanceof Error ? error.message : String(error));
      }
    },
  };
}
