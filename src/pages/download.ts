/**
 * Offers text as a file download, from a Blob: nothing leaves the machine. The URL is revoked
 * later, not at once: a large file may start downloading after the click returns.
 */
export function downloadText(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
