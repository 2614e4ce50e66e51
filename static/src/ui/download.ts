/**
 * Saves text as a file. Custom UI runs in a sandboxed iframe: the download goes through a
 * temporary object URL, and views also show the text so it can be copied if downloads are blocked.
 */
export function downloadText(fileName: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
