import { ApiError, toProblem } from '../api/problem';

/** The file name from a Content-Disposition header: the UTF-8 `filename*` when given, else `filename`. */
function fileName(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (utf8?.[1]) return decodeURIComponent(utf8[1]);
  const plain = /filename="([^"]+)"/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/**
 * Downloads a file through fetch rather than a plain link, so the page can read the response's
 * `x-weft-warning` header (URI-encoded: headers are Latin-1) and tell the user what it says.
 * The browser still saves the file under the name the server gives.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<{ warning: string | null }> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new ApiError(await toProblem(response));
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = href;
    link.download = fileName(response.headers.get('content-disposition'), fallbackName);
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoked after the click has been handled: the download has taken its own reference.
    setTimeout(() => URL.revokeObjectURL(href), 0);
  }
  const header = response.headers.get('x-weft-warning');
  return { warning: header ? decodeURIComponent(header) : null };
}
