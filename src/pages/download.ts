/**
 * Offers a file to the user as a download, from a Blob: nothing leaves the machine. The URL
 * is revoked later, not at once: a large file may start downloading after the click returns.
 */
export function download(name: string, file: Blob): void {
  const url = URL.createObjectURL(file);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
