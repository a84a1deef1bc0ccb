/**
 * Hands `content` to the browser as a download named `name`: the data came through the client
 * (with the session and the Hub's errors), so a plain link to the Hub cannot be used for it.
 */
export function saveFile(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has its own copy once it started; a moment later the page lets go of the data.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
